namespace StreamFinance.Connectors.Sources.X12;

/// <summary>
/// One segment of an interchange: its number, where its bytes are in the payload, and its elements as text
/// (element 0 is the segment id). Repetitions and components are split only when a path asks for them.
/// </summary>
internal sealed class X12Segment(int number, int start, int end, string[] elements)
{
    /// <summary>1-based number of the segment in its interchange (ISA is 1).</summary>
    public int Number { get; } = number;

    /// <summary>Offset of the segment's first byte in the payload.</summary>
    public int Start { get; } = start;

    /// <summary>Offset just after the segment terminator (the payload's end when the segment is unterminated).</summary>
    public int End { get; } = end;

    /// <summary>The segment id, e.g. <c>BEG</c>; empty for an empty segment.</summary>
    public string Id => elements[0];

    /// <summary>Whether the id is 2 or 3 upper-case letters or digits starting with a letter, as X12 segment ids are.</summary>
    public bool HasWellFormedId =>
        Id.Length is 2 or 3 && char.IsAsciiLetterUpper(Id[0]) && Id.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    /// <summary>The element at 1-based <paramref name="position"/>, or null when the segment has fewer elements.</summary>
    public string? Element(int position) => position >= 1 && position < elements.Length ? elements[position] : null;

    /// <summary>How the segment is named in error messages, e.g. <c>segment 14 SE</c>.</summary>
    public string Label => $"segment {Number} {DisplayId}";

    private string DisplayId
    {
        get
        {
            if (Id.Length == 0)
                return "(empty segment)";
            if (HasWellFormedId)
                return Id;
            var shown = new string(Id.Take(8).Select(c => char.IsControl(c) ? '?' : c).ToArray());
            return $"'{shown}{(Id.Length > 8 ? "..." : "")}' (not a segment id)";
        }
    }
}
