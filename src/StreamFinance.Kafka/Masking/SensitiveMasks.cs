using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace StreamFinance.Kafka.Masking;

/// <summary>
/// The one definition of how sensitive values are masked, for connectors' dead letters and for audit snapshots alike:
/// card numbers to their last four digits, bank data to a SHA-256 fingerprint; and the checksum net that recognises a
/// card number (Luhn) or an IBAN (ISO 13616 mod 97) in any text, where no field path can locate it.
/// </summary>
public static class SensitiveMasks
{
    /// <summary>Prefix of a masked bank value: <c>sha256:</c> followed by the <see cref="Fingerprint"/> hex.</summary>
    public const string FingerprintPrefix = "sha256:";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    // A run of digits not part of a longer run: letters may touch it ("card4111..." is masked too).
    private static readonly Regex CardNumbers = new(@"(?<![0-9])[2-6](?:[ -]?[0-9]){12,18}(?![0-9])", RegexOptions.CultureInvariant, MatchTimeout);

    // Greedy up to 34 characters; the longest prefix that passes the check is the IBAN (letters may precede it: "IBANDE89...").
    private static readonly Regex IbanCandidates = new(@"(?<![0-9])[A-Z]{2}[0-9]{2}(?: ?[A-Za-z0-9]){11,30}", RegexOptions.CultureInvariant, MatchTimeout);

    /// <summary>A card number cut to its last four digits: <c>4111 1111 1111 1111</c> becomes <c>****1111</c>.</summary>
    public static string Pan(string clear)
    {
        ArgumentNullException.ThrowIfNull(clear);
        var digits = new string(clear.Where(char.IsAsciiDigit).ToArray());
        return "****" + (digits.Length >= 4 ? digits[^4..] : "");
    }

    /// <summary>Bank data as the profiles' <c>fingerprint</c> transform writes it, prefixed <c>sha256:</c>.</summary>
    public static string BankAccount(string clear) => FingerprintPrefix + Fingerprint(clear);

    /// <summary>
    /// Lower-case hex SHA-256 of <paramref name="text"/> with white space removed and upper-cased: the fingerprint of a
    /// bank account number (IBAN) that must never enter the stream in clear (<c>Supplier.bankAccountFingerprint</c>).
    /// </summary>
    public static string Fingerprint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalised))).ToLowerInvariant();
    }

    /// <summary>Whether the digits of <paramref name="text"/> pass the Luhn check every card number passes.</summary>
    public static bool PassesLuhn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sum = 0;
        var count = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(text[i]))
                continue;
            var digit = text[i] - '0';
            if (count++ % 2 == 1)
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            sum += digit;
        }
        return count > 0 && sum % 10 == 0;
    }

    /// <summary>Whether the letters and digits of <paramref name="text"/> form an IBAN whose check digits are right (ISO 13616 mod 97).</summary>
    public static bool PassesIbanCheck(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compact = new string(text.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        if (compact.Length is < 15 or > 34 || !char.IsAsciiLetter(compact[0]) || !char.IsAsciiLetter(compact[1]) || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]))
            return false;
        var remainder = 0;
        foreach (var c in compact[4..] + compact[..4])
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder == 1;
    }

    /// <summary>
    /// Adds to <paramref name="spans"/> every card number (13 to 19 digits starting 2 to 6, spaces or dashes allowed,
    /// passing Luhn; when <paramref name="cards"/>) and every IBAN with valid check digits (when <paramref name="ibans"/>)
    /// found in <paramref name="text"/>, each with its masked form.
    /// </summary>
    public static void AddChecksumSpans(string text, bool cards, bool ibans, List<MaskSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        if (cards)
            foreach (Match match in CardNumbers.Matches(text))
                if (PassesLuhn(match.Value))
                    spans.Add(new MaskSpan(match.Index, match.Length, Pan(match.Value)));
        if (ibans)
            foreach (Match match in IbanCandidates.Matches(text))
                if (LongestIban(text, match) is { } length)
                    spans.Add(new MaskSpan(match.Index, length, BankAccount(text.Substring(match.Index, length))));
    }

    /// <summary>
    /// <paramref name="text"/> with every card number and IBAN the checksum net finds masked; the same instance when it
    /// finds none. Text without a run of 13 digits and without two capitals followed by two digits is returned at once,
    /// without a regular expression, so most values cost one scan.
    /// </summary>
    public static string MaskByChecksum(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (cards, ibans) = Candidates(text);
        if (!cards && !ibans)
            return text;
        var spans = new List<MaskSpan>();
        AddChecksumSpans(text, cards, ibans, spans);
        return spans.Count == 0 ? text : Replace(text, spans);
    }

    /// <summary>Replaces the spans, earliest first; a span overlapping one already replaced is dropped.</summary>
    public static string Replace(string text, IEnumerable<MaskSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        var result = new StringBuilder(text.Length);
        var at = 0;
        foreach (var span in spans.OrderBy(s => s.Start).ThenByDescending(s => s.Length))
        {
            if (span.Start < at)
                continue;
            result.Append(text, at, span.Start - at).Append(span.Replacement);
            at = span.Start + span.Length;
        }
        return result.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Whether <paramref name="text"/> may hold a card number (13 digits, separators allowed) or an IBAN (capital, capital, digit, digit).</summary>
    private static (bool Cards, bool Ibans) Candidates(string text)
    {
        var digits = 0;
        var cards = false;
        var ibans = false;
        for (var i = 0; i < text.Length && !(cards && ibans); i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (++digits >= 13)
                    cards = true;
            }
            else if (c is not (' ' or '-'))
                digits = 0;
            if (!ibans && i + 3 < text.Length && char.IsAsciiLetterUpper(c) && char.IsAsciiLetterUpper(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3]))
                ibans = true;
        }
        return (cards, ibans);
    }

    /// <summary>The length of the longest prefix of <paramref name="match"/> not followed by a digit that is a valid IBAN, or null.</summary>
    private static int? LongestIban(string text, Match match)
    {
        for (var length = match.Length; length >= 15; length--)
        {
            var end = match.Index + length;
            if (!char.IsAsciiLetterOrDigit(text[end - 1]) || (end < text.Length && char.IsAsciiDigit(text[end])))
                continue;
            if (PassesIbanCheck(text.Substring(match.Index, length)))
                return length;
        }
        return null;
    }
}
