namespace StreamFinance.Connectors.Sources.X12;

/// <summary>
/// A path to repeated X12 items: a segment id, <c>PO1</c>, <c>IT1</c>, <c>N1</c>, <c>DTM</c>, optionally qualified
/// by element 01, <c>N1[ST]</c>, <c>DTM[002]</c>.
/// </summary>
internal sealed record X12LoopPath(string SegmentId, string? Qualifier)
{
    /// <summary>Parses <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">The path is not a segment id with an optional qualifier.</exception>
    public static X12LoopPath Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (segmentId, qualifier) = Split(path, path);
        return new X12LoopPath(segmentId, qualifier);
    }

    /// <summary>Splits <c>SEG</c> or <c>SEG[q]</c> into the segment id and the qualifier; <paramref name="path"/> is the whole path, for the error.</summary>
    internal static (string SegmentId, string? Qualifier) Split(string head, string path)
    {
        string? qualifier = null;
        var segmentId = head;
        if (head.EndsWith(']'))
        {
            var open = head.IndexOf('[');
            if (open < 0 || open + 2 >= head.Length)
                throw X12ElementPath.Malformed(path, "a qualifier is written [value] after the segment id and must not be empty");
            qualifier = head[(open + 1)..^1];
            segmentId = head[..open];
            if (qualifier.Contains('[') || qualifier.Contains(']'))
                throw X12ElementPath.Malformed(path, "a qualifier must not contain brackets");
        }
        if (segmentId.Length is not (2 or 3) || !char.IsAsciiLetterUpper(segmentId[0])
            || !segmentId.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)))
            throw X12ElementPath.Malformed(path, $"'{segmentId}' is not a segment id (2 or 3 upper-case letters or digits starting with a letter)");
        return (segmentId, qualifier);
    }
}
