namespace StreamFinance.Kafka.Docs;

/// <summary>A topology whose page could not be generated, because it failed to build or to be described.</summary>
/// <param name="Topology">The topology's name.</param>
/// <param name="PageFileName">The file its page would have: an existing copy is left as it is rather than removed.</param>
/// <param name="ExceptionType">The exception's type name.</param>
/// <param name="Message">The exception's message.</param>
public sealed record TopologyDocsFailure(string Topology, string PageFileName, string ExceptionType, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"topology '{Topology}' could not be documented: {ExceptionType}: {Message}";
}
