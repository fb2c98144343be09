using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace StreamFinance.Connectors.Webhooks;

/// <summary>
/// HMAC-SHA256 webhook signatures over a timestamp and the body: <c>sha256=&lt;lower-case hex of HMAC(secret,
/// "&lt;timestamp&gt;." + raw body)&gt;</c>, where the timestamp is the text of the timestamp header (Unix seconds).
/// Signing the time with the body lets a receiver refuse an old delivery replayed by whoever captured it. Checked in
/// constant time.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The scheme prefix of the header value.</summary>
    public const string Prefix = "sha256=";

    /// <summary>The signature header value a sender puts on <paramref name="body"/> signed at <paramref name="unixSeconds"/>.</summary>
    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body) =>
        Sign(secret, unixSeconds.ToString(CultureInfo.InvariantCulture), body);

    /// <summary>The signature header value of <paramref name="body"/> with timestamp header text <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body) => Prefix + Convert.ToHexStringLower(Mac(secret, timestamp, body));

    /// <summary>
    /// Whether <paramref name="header"/> is a valid signature of <paramref name="body"/> with timestamp text
    /// <paramref name="timestamp"/>; the digests are compared with <see cref="CryptographicOperations.FixedTimeEquals"/>,
    /// so the time taken tells nothing about how much matched.
    /// </summary>
    public static bool IsValid(string secret, string timestamp, ReadOnlySpan<byte> body, string? header)
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

        return CryptographicOperations.FixedTimeEquals(Mac(secret, timestamp, body), claimed);
    }

    private static byte[] Mac(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp));
        hmac.AppendData("."u8);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
