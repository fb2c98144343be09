using System.Text;

namespace StreamFinance.Connectors.Sources.X12;

/// <summary>
/// Splits the bytes of one interchange into segments and elements with the separators its ISA declared: from the ISA
/// up to and including the IEA, or up to the next ISA or the end of the payload when the IEA is missing. Line breaks
/// after a segment terminator are skipped. Runs in one linear pass.
/// </summary>
internal static class X12Tokenizer
{
    /// <summary>The segments of the interchange whose <paramref name="isa"/> has been read; the list starts with the ISA.</summary>
    public static List<X12Segment> Read(ReadOnlySpan<byte> payload, X12Segment isa, X12Delimiters delimiters)
    {
        var segments = new List<X12Segment> { isa };
        var position = SkipLineBreaks(payload, isa.End);
        var elementSeparator = (char)delimiters.Element;
        while (position < payload.Length && !X12InterchangeHeader.StartsAt(payload, position))
        {
            var length = payload[position..].IndexOf(delimiters.Segment);
            var contentEnd = length < 0 ? payload.Length : position + length;
            var end = length < 0 ? payload.Length : contentEnd + 1;
            // Separators are ASCII, so they never occur inside a multi-byte UTF-8 character: decode first, then split.
            var text = Encoding.UTF8.GetString(payload[position..contentEnd]);
            var segment = new X12Segment(segments.Count + 1, position, end, text.Split(elementSeparator));
            segments.Add(segment);
            if (segment.Id == "IEA")
                break;
            position = SkipLineBreaks(payload, end);
        }
        return segments;
    }

    /// <summary>The first offset at or after <paramref name="position"/> that is not a line break.</summary>
    public static int SkipLineBreaks(ReadOnlySpan<byte> payload, int position)
    {
        while (position < payload.Length && X12Delimiters.IsLineBreak(payload[position]))
            position++;
        return position;
    }
}
