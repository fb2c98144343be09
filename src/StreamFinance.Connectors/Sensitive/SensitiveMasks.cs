using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Mapping.Transforms;

namespace StreamFinance.Connectors.Sensitive;

/// <summary>
/// The masked forms of sensitive values, and the checksums that recognise a card number or an IBAN in text where no
/// profile path can locate it (a record the format could not parse).
/// </summary>
public static class SensitiveMasks
{
    /// <summary>Prefix of a masked bank value: <c>sha256:</c> followed by the <c>fingerprint</c> transform's hex.</summary>
    public const string FingerprintPrefix = "sha256:";

    /// <summary>The masked form of <paramref name="clear"/> as <paramref name="kind"/>.</summary>
    public static string For(SensitiveKind kind, string clear) => kind switch
    {
        SensitiveKind.Pan => Pan(clear),
        _ => BankAccount(clear),
    };

    /// <summary>A card number cut to its last four digits: <c>4111 1111 1111 1111</c> becomes <c>****1111</c>.</summary>
    public static string Pan(string clear)
    {
        var digits = new string(clear.Where(char.IsAsciiDigit).ToArray());
        return "****" + (digits.Length >= 4 ? digits[^4..] : "");
    }

    /// <summary>Bank data as the fingerprint profiles write (<see cref="FingerprintTransform.Of"/>), prefixed <c>sha256:</c>.</summary>
    public static string BankAccount(string clear) => FingerprintPrefix + FingerprintTransform.Of(clear);

    /// <summary>Whether the digits of <paramref name="text"/> pass the Luhn check every card number passes.</summary>
    public static bool PassesLuhn(string text)
    {
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
}
