using System.Globalization;

namespace StreamFinance.Connectors.Sources.X12;

/// <summary>
/// A path to one X12 value: <c>SEGnn</c> (segment id, then the element position as exactly two digits),
/// <c>SEG[q]nn</c> (the first SEG segment whose element 01 equals <c>q</c>), <c>SEG{p}nn</c> (a qualifier/value pair:
/// the element after the first of elements nn, nn+2, nn+4, ... that equals <c>p</c>, as PO1 pairs product/service id
/// qualifiers with ids from PO106 and PER pairs communication qualifiers with numbers from PER03) and an optional
/// <c>-c</c> suffix for component <c>c</c> (1-based) of a composite element. Examples: <c>BEG03</c>, <c>N1[ST]02</c>,
/// <c>DTM[002]02</c>, <c>PO107-1</c>, <c>PO1{CG}06</c>, <c>PER[BD]{EM}03</c>, <c>ISA06</c>. Because the element position
/// is always the last two digits, <c>N102</c> is N1 element 02 and <c>N1011</c> is N10 element 11.
/// </summary>
internal sealed record X12ElementPath(string SegmentId, string? Qualifier, int Element, int? Component)
{
    /// <summary>The qualifier of a <c>{p}</c> pair path; null for a plain element.</summary>
    public string? PairQualifier { get; init; }

    /// <summary>Parses <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">The path does not follow the syntax above.</exception>
    public static X12ElementPath Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var core = path;
        int? component = null;
        var dash = path.IndexOf('-', path.LastIndexOf(']') + 1);
        if (dash >= 0)
        {
            if (!TryPosition(path[(dash + 1)..], out var c))
                throw Malformed(path, "the component after '-' must be a number from 1");
            component = c;
            core = path[..dash];
        }
        if (core.Length < 4 || !char.IsAsciiDigit(core[^1]) || !char.IsAsciiDigit(core[^2]))
            throw Malformed(path, "it must end with the element position as two digits");
        if (!TryPosition(core[^2..], out var element))
            throw Malformed(path, "element positions start at 01");
        var head = core[..^2];
        string? pair = null;
        if (head.EndsWith('}'))
        {
            var open = head.LastIndexOf('{');
            if (open < 0 || open + 2 >= head.Length || head[(open + 1)..^1].IndexOfAny(['{', '}', '[', ']']) >= 0)
                throw Malformed(path, "a pair qualifier is written {value} before the element position and must not be empty");
            pair = head[(open + 1)..^1];
            head = head[..open];
        }
        var (segmentId, qualifier) = X12LoopPath.Split(head, path);
        return new X12ElementPath(segmentId, qualifier, element, component) { PairQualifier = pair };
    }

    private static bool TryPosition(string text, out int position) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out position) && position >= 1 && text.Length <= 2;

    /// <summary>The error for a path that does not follow the syntax.</summary>
    internal static FormatException Malformed(string path, string why) =>
        new($"'{path}' is not an X12 path: {why}. Write SEGnn, SEG[qualifier]nn, SEG{{pair qualifier}}nn or SEGnn-c, e.g. BEG03, N1[ST]02, DTM[002]02, PO1{{CG}}06, PO107-1; for Items: PO1, IT1, N1 or N1[ST].");
}
