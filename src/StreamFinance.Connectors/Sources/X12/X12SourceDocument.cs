namespace StreamFinance.Connectors.Sources.X12;

/// <summary>
/// The fields of one X12 transaction set (or of one loop of it), addressed by segment id and element position.
/// <para>
/// <see cref="Value"/> paths: <c>SEGnn</c> reads element <c>nn</c> (always two digits, from 01) of the first
/// <c>SEG</c> segment, e.g. <c>BEG03</c> (purchase order number), <c>BIG02</c> (invoice number), <c>TDS01</c>;
/// <c>SEG[q]nn</c> reads it from the first <c>SEG</c> segment whose element 01 is <c>q</c>, e.g. <c>N1[ST]02</c>
/// (ship-to name), <c>REF[VR]02</c>, <c>DTM[002]02</c> (requested delivery date); a <c>-c</c> suffix reads component
/// <c>c</c> (from 1) of a composite element, e.g. <c>PO107-1</c>. The envelope is readable from a transaction set's
/// document: <c>ISA06</c> (sender id), <c>ISA08</c>, <c>GS02</c>, <c>GS06</c>, <c>ST01</c> (<c>850</c> or <c>810</c>),
/// <c>ST02</c>. Values are the first repetition of the element, with padding spaces trimmed; absent or empty values
/// read as null. Numbers come back as sent: X12 implied-decimal fields keep their implied decimals, so
/// <c>TDS01</c> = <c>46900</c> means 469.00 (two implied decimals whatever the currency, also for JPY).
/// </para>
/// <para>
/// <see cref="Items"/> paths: a segment id, optionally qualified: <c>PO1</c> (850 lines with their PID, REF, DTM ...
/// children, up to the next PO1 or CTT/SE), <c>IT1</c> (810 lines, up to the next IT1 or TDS/CTT/SE), <c>N1</c> or
/// <c>N1[BY]</c> (parties with their N2, N3, N4, REF, PER ... segments); any other id gives each occurrence as a
/// one-segment item, e.g. <c>DTM</c> or <c>REF[DP]</c>. Searches for ids other than PO1 and IT1 do not look inside
/// PO1/IT1 lines, so a document's <c>N1</c> items are its header parties; ask a line item for its own. Each item is a
/// document with the same path syntax, holding only its own segments.
/// </para>
/// </summary>
public sealed class X12SourceDocument : ISourceDocument
{
    private readonly ArraySegment<X12Segment> _segments;
    private readonly X12Delimiters _delimiters;

    internal X12SourceDocument(ArraySegment<X12Segment> segments, X12Delimiters delimiters) =>
        (_segments, _delimiters) = (segments, delimiters);

    /// <inheritdoc />
    public string? Value(string path)
    {
        var parsed = X12ElementPath.Parse(path);
        foreach (var segment in _segments)
        {
            if (segment.Id != parsed.SegmentId)
                continue;
            if (parsed.Qualifier is not null && X12Values.Read(segment.Element(1), _delimiters, null) != parsed.Qualifier)
                continue;
            if (parsed.PairQualifier is null)
                return X12Values.Read(segment.Element(parsed.Element), _delimiters, parsed.Component);
            if (Paired(segment, parsed) is { } value)
                return value;
        }
        return null;
    }

    /// <summary>The value after the first qualifier equal to the path's pair qualifier, at qualifier positions from the path's element on.</summary>
    private string? Paired(X12Segment segment, X12ElementPath path)
    {
        for (var position = path.Element; segment.Element(position) is { } qualifier; position += 2)
            if (X12Values.Read(qualifier, _delimiters, null) == path.PairQualifier)
                return X12Values.Read(segment.Element(position + 1), _delimiters, path.Component);
        return null;
    }

    /// <inheritdoc />
    public IReadOnlyList<ISourceDocument> Items(string path)
    {
        var parsed = X12LoopPath.Parse(path);
        return X12Loops.Find(_segments, parsed, _delimiters)
            .Select(range => (ISourceDocument)new X12SourceDocument(_segments[range], _delimiters))
            .ToList();
    }
}
