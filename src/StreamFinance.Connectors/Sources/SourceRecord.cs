namespace StreamFinance.Connectors.Sources;

/// <summary>One record read from a source, before mapping: its fields, its exact raw bytes and where it came from.</summary>
public sealed class SourceRecord
{
    /// <summary>Where the record came from.</summary>
    public required SourcePosition Position { get; init; }

    /// <summary>The record's bytes exactly as received (a CSV or JSON line, a webhook body, an EDI transaction set), kept for dead letters.</summary>
    public required ReadOnlyMemory<byte> Raw { get; init; }

    /// <summary>The parsed fields.</summary>
    public required ISourceDocument Document { get; init; }
}
