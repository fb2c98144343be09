namespace StreamFinance.Connectors.Sources;

/// <summary>
/// One item read from a source: a parsed <see cref="SourceRecord"/>, or the raw bytes of something that could not be
/// parsed with the reason, so the connector dead-letters it and goes on. Exactly one of <see cref="Record"/> and
/// <see cref="Failure"/> is set.
/// </summary>
public sealed class SourceReadResult
{
    private SourceReadResult(SourceRecord? record, SourceParseFailure? failure) => (Record, Failure) = (record, failure);

    /// <summary>The parsed record; null on failure.</summary>
    public SourceRecord? Record { get; }

    /// <summary>Why the bytes could not be parsed; null on success.</summary>
    public SourceParseFailure? Failure { get; }

    /// <summary>A parsed record.</summary>
    public static SourceReadResult Parsed(SourceRecord record) => new(record ?? throw new ArgumentNullException(nameof(record)), null);

    /// <summary>Bytes that could not be parsed.</summary>
    public static SourceReadResult Unparseable(SourceParseFailure failure) => new(null, failure ?? throw new ArgumentNullException(nameof(failure)));
}

/// <summary>Bytes a source format could not parse: where they were, the bytes themselves, and what is wrong, for a person.</summary>
/// <param name="Position">Where the bytes were.</param>
/// <param name="Raw">The unparseable bytes exactly as read.</param>
/// <param name="Message">What is wrong and where, e.g. "line 12: 7 columns, the header has 9".</param>
public sealed record SourceParseFailure(SourcePosition Position, ReadOnlyMemory<byte> Raw, string Message)
{
    /// <summary>
    /// Whether the format found this record's bounds inside a payload it could read (an X12 transaction set from ST to
    /// SE inside a sound interchange and group), so only the record is bad and the payload is readable; false (the
    /// default) for bytes it could not place in a record at all (no ISA, a broken interchange envelope).
    /// </summary>
    public bool RecordLevel { get; init; }
}
