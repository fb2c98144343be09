using System.Globalization;
using System.Text;

namespace StreamFinance.Domain.MasterData.Suppliers;

/// <summary>
/// Turns a supplier's legal name into the form duplicates are matched on: lower case, diacritics removed
/// (<c>Müller</c> -> <c>muller</c>, <c>ß</c> -> <c>ss</c>), <c>&amp;</c> read as <c>and</c>, apostrophes dropped, dotted
/// abbreviations joined (<c>S.A.R.L.</c> -> <c>sarl</c>), other punctuation and repeated blanks collapsed to one space,
/// and legal-form suffixes (<see cref="LegalSuffixes"/>) removed from the end, several if present
/// (<c>Acme Pty. Ltd.</c> -> <c>acme</c>). A suffix is never removed when it is the whole remaining name
/// (<c>Limited</c> stays <c>limited</c>). Normalising twice gives the same result as once.
/// </summary>
public static class SupplierNameNormalizer
{
    private static readonly string[][] Suffixes = LegalSuffixes.All
        .Select(s => Tokens(s).ToArray())
        .Where(t => t.Length > 0)
        .DistinctBy(t => string.Join(' ', t))
        .OrderByDescending(t => t.Length)
        .ToArray();

    /// <summary>The normalised name; empty for a null or blank name.</summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return "";
        var tokens = Tokens(name);
        StripSuffixes(tokens);
        return string.Join(' ', tokens);
    }

    private static void StripSuffixes(List<string> tokens)
    {
        while (tokens.Count > 1)
        {
            var suffix = Suffixes.FirstOrDefault(s => s.Length < tokens.Count && EndsWith(tokens, s));
            if (suffix is null)
                return;
            tokens.RemoveRange(tokens.Count - suffix.Length, suffix.Length);
        }
    }

    private static bool EndsWith(List<string> tokens, string[] suffix)
    {
        var offset = tokens.Count - suffix.Length;
        for (var i = 0; i < suffix.Length; i++)
            if (!string.Equals(tokens[offset + i], suffix[i], StringComparison.Ordinal))
                return false;
        return true;
    }

    private static List<string> Tokens(string text)
    {
        var folded = Fold(text);
        var tokens = new List<string>();
        // Chunks are runs of letters, digits and dots; within a chunk, dots separate parts and runs of single letters
        // are an abbreviation to join ("s.a.r.l" -> "sarl", "j.p.morgan" -> "jp morgan").
        foreach (var chunk in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var abbreviation = new StringBuilder();
            foreach (var part in chunk.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.Length == 1 && char.IsLetter(part[0]))
                {
                    abbreviation.Append(part);
                    continue;
                }
                Flush(abbreviation, tokens);
                tokens.Add(part);
            }
            Flush(abbreviation, tokens);
        }
        return tokens;
    }

    private static void Flush(StringBuilder abbreviation, List<string> tokens)
    {
        if (abbreviation.Length == 0)
            return;
        tokens.Add(abbreviation.ToString());
        abbreviation.Clear();
    }

    /// <summary>
    /// Lower case, no diacritics, only letters, digits, dots and single spaces. One pass is stable (folding the result
    /// again changes nothing); a test checks this for every character of the basic plane.
    /// </summary>
    private static string Fold(string text)
    {
        var decomposed = Decompose(text.ToLowerInvariant()).ToLowerInvariant();
        var builder = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            switch (rune.Value)
            {
                case '&': builder.Append(" and "); break;
                case '\'' or '\u2019' or '\u2018' or '`' or '\u00b4': break;
                case '.': builder.Append('.'); break;
                case 'ß': builder.Append("ss"); break;
                case 'æ': builder.Append("ae"); break;
                case 'œ': builder.Append("oe"); break;
                case 'ø': builder.Append('o'); break;
                case 'ł': builder.Append('l'); break;
                case 'đ' or 'ð': builder.Append('d'); break;
                case 'þ': builder.Append("th"); break;
                case 'ı': builder.Append('i'); break;
                default:
                    if (Rune.IsLetterOrDigit(rune))
                        builder.Append(rune.ToString());
                    else
                        builder.Append(' ');
                    break;
            }
        }
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// Compatibility decomposition (<c>ﬁ</c> -> <c>fi</c>, <c>é</c> -> <c>e</c> + accent). Text from a source system may hold
    /// lone surrogates or noncharacters, which the decomposition refuses; they become blanks first, so bad bytes never stop
    /// the stream thread.
    /// </summary>
    private static string Decompose(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes()) // invalid UTF-16 (a lone surrogate) arrives as U+FFFD
            clean.Append(rune == Rune.ReplacementChar || IsNoncharacter(rune) ? " " : rune.ToString());
        return clean.ToString().Normalize(NormalizationForm.FormKD);
    }

    private static bool IsNoncharacter(Rune rune) =>
        (rune.Value & 0xFFFE) == 0xFFFE || rune.Value is >= 0xFDD0 and <= 0xFDEF;
}
