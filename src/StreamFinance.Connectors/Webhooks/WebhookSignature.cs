using System.Security.Cryptography;
using System.Text;

namespace StreamFinance.Connectors.Webhooks;

/// <summary>HMAC-SHA256 webhook signatures: <c>sha256=&lt;lower-case hex of HMAC(secret, raw body)&gt;</c>, checked in constant time.</summary>
public static class WebhookSignature
{
    /// <summary>The scheme prefix of the header value.</summary>
    public const string Prefix = "sha256=";

    /// <summary>The header value a sender puts on <paramref name="body"/>.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>
    /// Whether <paramref name="header"/> is a valid signature of <paramref name="body"/>; the digests are compared with
    /// <see cref="CryptographicOperations.FixedTimeEquals"/>, so the time taken tells nothing about how much matched.
    /// </summary>
    public static bool IsValid(string secret, ReadOnlySpan<byte> body, string? header)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Prefix.Length + 64)
            return false;
        byte[] claimed;
        try
        {
            claimed = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return CryptographicOperations.FixedTimeEquals(expected, claimed);
    }
}
