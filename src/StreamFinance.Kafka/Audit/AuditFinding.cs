using System.Globalization;

namespace StreamFinance.Kafka.Audit;

/// <summary>One problem <see cref="AuditChainVerifier"/> found in <c>audit.events</c>, located by partition and offset.</summary>
/// <param name="Kind">What is wrong: <see cref="AuditFindingKinds"/>.</param>
/// <param name="Partition">Partition of the record at fault (or where the fault shows).</param>
/// <param name="Offset">Its offset.</param>
/// <param name="CorrelationId">The chain it belongs to.</param>
/// <param name="Message">What was expected and what was found, for an auditor.</param>
public sealed record AuditFinding(string Kind, int Partition, long Offset, string CorrelationId, string Message)
{
    /// <summary><c>partition/offset KIND correlation: message</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Partition}/{Offset} {Kind} {CorrelationId}: {Message}");
}
