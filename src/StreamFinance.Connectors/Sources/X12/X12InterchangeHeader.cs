using System.Text;

namespace StreamFinance.Connectors.Sources.X12;

/// <summary>
/// Reads the fixed-width ISA segment that opens an interchange: 106 characters, 16 elements of fixed widths, and from
/// it the interchange's separators (element separator at position 4, repetition separator ISA11, component separator
/// ISA16, segment terminator right after ISA16).
/// </summary>
internal static class X12InterchangeHeader
{
    /// <summary>Length of the ISA segment including its terminator.</summary>
    public const int Length = 106;

    private static readonly int[] Widths = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1];

    /// <summary>Whether an ISA segment starts at <paramref name="offset"/>: <c>ISA</c> followed by a byte that is not data.</summary>
    public static bool StartsAt(ReadOnlySpan<byte> payload, int offset) =>
        offset + 3 < payload.Length && payload.Slice(offset, 3).SequenceEqual("ISA"u8) && X12Delimiters.IsCandidate(payload[offset + 3]);

    /// <summary>The offset of the next ISA segment at or after <paramref name="from"/>, or -1.</summary>
    public static int Find(ReadOnlySpan<byte> payload, int from)
    {
        while (from < payload.Length)
        {
            var hit = payload[from..].IndexOf("ISA"u8);
            if (hit < 0)
                return -1;
            if (StartsAt(payload, from + hit))
                return from + hit;
            from += hit + 1;
        }
        return -1;
    }

    /// <summary>
    /// Reads the ISA segment at <paramref name="start"/>. On success <paramref name="isa"/> holds it as segment 1 of
    /// the interchange; otherwise <paramref name="problem"/> says what is wrong.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> payload, int start, out X12Delimiters delimiters, out X12Segment? isa, out string problem)
    {
        delimiters = default;
        isa = null;
        var separator = payload[start + 3];
        if (!X12Delimiters.IsCandidate(separator) || X12Delimiters.IsLineBreak(separator))
            return Fail(out problem, $"the element separator {X12Delimiters.Describe(separator)} (the byte after ISA) must be a punctuation character");
        var elements = new string[Widths.Length + 1];
        elements[0] = "ISA";
        var position = start + 3;
        for (var e = 1; e <= Widths.Length; e++)
        {
            if (position >= payload.Length)
                return Fail(out problem, $"the ISA segment is truncated before ISA{e:00}: an ISA segment is {Length} characters");
            if (payload[position] != separator)
                return Fail(out problem, $"ISA{e - 1:00} is longer than {Widths[e - 2]} characters: ISA is fixed-width ({Length} characters) and its elements must be padded to their exact widths");
            var fieldStart = position + 1;
            var width = Widths[e - 1];
            if (fieldStart + width > payload.Length)
                return Fail(out problem, $"the ISA segment is truncated in ISA{e:00}: an ISA segment is {Length} characters");
            var field = payload.Slice(fieldStart, width);
            var early = e == Widths.Length ? -1 : field.IndexOf(separator);
            if (early >= 0)
                return Fail(out problem, $"ISA{e:00} is {early} characters but must be {width}: ISA is fixed-width ({Length} characters) and its elements must be padded to their exact widths");
            elements[e] = Encoding.ASCII.GetString(field);
            position = fieldStart + width;
        }

        if (position >= payload.Length)
            return Fail(out problem, "the ISA segment is truncated: no segment terminator follows ISA16");
        var component = payload[start + Length - 2];
        var terminator = payload[position];
        var isa11 = payload[start + 82];
        if (!X12Delimiters.IsCandidate(component) || X12Delimiters.IsLineBreak(component) || component == separator)
            return Fail(out problem, $"the component separator ISA16 {X12Delimiters.Describe(component)} must be a punctuation character other than the element separator");
        if (!X12Delimiters.IsCandidate(terminator) || terminator == separator || terminator == component)
            return Fail(out problem, $"the segment terminator {X12Delimiters.Describe(terminator)} (the byte after ISA16) must be a punctuation or line-break character other than the element and component separators");
        byte? repetition = null;
        if (X12Delimiters.IsCandidate(isa11))
        {
            if (X12Delimiters.IsLineBreak(isa11) || isa11 == component || isa11 == terminator)
                return Fail(out problem, $"the repetition separator ISA11 {X12Delimiters.Describe(isa11)} must differ from the component separator and the segment terminator");
            repetition = isa11;
        }
        if (elements[13].Length != 9 || !elements[13].All(char.IsAsciiDigit))
            return Fail(out problem, $"ISA13, the interchange control number, must be 9 digits but is '{elements[13]}'");

        delimiters = new X12Delimiters(separator, component, repetition, terminator);
        isa = new X12Segment(1, start, start + Length, elements);
        problem = "";
        return true;
    }

    private static bool Fail(out string problem, string message)
    {
        problem = message;
        return false;
    }
}
