namespace StreamFinance.Connectors.Sources.X12;

/// <summary>
/// The separators of one X12 interchange, as its ISA segment declares them. Every interchange declares its own, so
/// two interchanges in one payload may use different separators.
/// </summary>
/// <param name="Element">Element separator: the byte right after <c>ISA</c> (commonly <c>*</c>).</param>
/// <param name="Component">Component (sub-element) separator: ISA16 (commonly <c>&gt;</c> or <c>:</c>).</param>
/// <param name="Repetition">Repetition separator: ISA11 when it is a delimiter (version 00402 and later, commonly <c>^</c>); null when ISA11 is the standards identifier of older versions (<c>U</c>).</param>
/// <param name="Segment">Segment terminator: the byte right after ISA16 (commonly <c>~</c>); line breaks after it are tolerated.</param>
internal readonly record struct X12Delimiters(byte Element, byte Component, byte? Repetition, byte Segment)
{
    /// <summary>
    /// Whether <paramref name="value"/> can serve as a separator: an ASCII punctuation or control byte. Letters, digits
    /// and space are data, and bytes above 0x7F could be part of a UTF-8 character.
    /// </summary>
    public static bool IsCandidate(byte value) =>
        value < 0x80 && value != (byte)' ' && !char.IsAsciiLetterOrDigit((char)value);

    /// <summary>Whether <paramref name="value"/> is a line break, tolerated after a segment terminator.</summary>
    public static bool IsLineBreak(byte value) => value is (byte)'\r' or (byte)'\n';

    /// <summary>A byte as a person can read it in an error message: <c>'*'</c> or <c>0x0A</c>.</summary>
    public static string Describe(byte value) =>
        value is >= 0x21 and < 0x7F ? $"'{(char)value}'" : $"0x{value:X2}";
}
