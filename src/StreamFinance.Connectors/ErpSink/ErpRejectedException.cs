namespace StreamFinance.Connectors.ErpSink;

/// <summary>
/// The ERP refused a posting. Kept in the dead letter (<c>exceptionType</c>, <c>exceptionMessage</c>) so that
/// integration support sees the call, the payload sent and the ERP's whole answer next to the ERP's messages.
/// </summary>
public sealed class ErpRejectedException(string method, string path, int status, string sentBody, string answerBody)
    : Exception($"HTTP {status} to {method} {path}; sent: {sentBody}; answered: {answerBody}")
{
    /// <summary>The ERP's HTTP status.</summary>
    public int Status { get; } = status;
}
