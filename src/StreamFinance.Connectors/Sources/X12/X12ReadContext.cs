namespace StreamFinance.Connectors.Sources.X12;

/// <summary>The payload being read and its location: turns byte ranges and segments into records and failures.</summary>
internal sealed class X12ReadContext(ReadOnlyMemory<byte> payload, string location)
{
    /// <summary>The payload's bytes.</summary>
    public ReadOnlySpan<byte> Span => payload.Span;

    /// <summary>The bytes from <paramref name="start"/> to <paramref name="end"/> (exclusive) as a failure at segment number <paramref name="line"/>.</summary>
    public SourceReadResult Failure(int start, int end, long line, string message) =>
        SourceReadResult.Unparseable(new SourceParseFailure(new SourcePosition(location, line), payload[start..end], message));

    /// <summary>The segments <paramref name="first"/> to <paramref name="last"/> as one failure, positioned at <paramref name="first"/>.</summary>
    public SourceReadResult Failure(X12Segment first, X12Segment last, string message) =>
        Failure(first.Start, last.End, first.Number, message);

    /// <summary>The transaction set <paramref name="st"/> to <paramref name="last"/> as a failure of that set alone (<see cref="SourceParseFailure.RecordLevel"/>).</summary>
    public SourceReadResult SetFailure(X12Segment st, X12Segment last, string message) =>
        SourceReadResult.Unparseable(new SourceParseFailure(new SourcePosition(location, st.Number), payload[st.Start..last.End], message) { RecordLevel = true });

    /// <summary>The transaction set <paramref name="st"/> to <paramref name="se"/> as a record.</summary>
    public SourceReadResult Record(X12Segment st, X12Segment se, X12SourceDocument document) =>
        SourceReadResult.Parsed(new SourceRecord
        {
            Position = new SourcePosition(location, st.Number),
            Raw = payload[st.Start..se.End],
            Document = document,
        });
}
