using System.Text.RegularExpressions;

namespace StreamFinance.Host.Logging;

/// <summary>
/// Credentials written into addresses: the user-info part of a URL (<c>http://user:password@host:8081</c>) and of a
/// Kafka bootstrap entry (<c>user:password@kafka:9092</c>). Found so that <see cref="SecretRedactor"/> masks them by
/// value, and masked by pattern in any text, so that an address prints as <c>http://***@host:8081</c>.
/// </summary>
public static partial class UrlCredentials
{
    /// <summary>
    /// The credentials in the URLs of <paramref name="value"/> (and, for a bootstrap list, in its <c>user:password@host:port</c>
    /// entries): each <c>user:password</c> whole, and the password alone when it has at least
    /// <see cref="MinimumPasswordLength"/> characters. A user name alone is not returned: masked by value, a name such as
    /// <c>admin</c> would be masked in every log line (the URL itself is still masked by pattern).
    /// </summary>
    public static IEnumerable<string> In(string value, bool bootstrapList = false)
    {
        foreach (Match match in UrlUserInfo().Matches(value))
            foreach (var part in Parts(match.Groups["info"].Value))
                yield return part;
        if (!bootstrapList)
            yield break;
        foreach (var entry in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var at = entry.LastIndexOf('@');
            if (at > 0 && !entry.Contains("://", StringComparison.Ordinal))
                foreach (var part in Parts(entry[..at]))
                    yield return part;
        }
    }

    /// <summary>Whether <paramref name="text"/> has a URL with user info that is not masked yet.</summary>
    public static bool Reveals(string text) =>
        text.Contains("://", StringComparison.Ordinal) && text.Contains('@', StringComparison.Ordinal) && UrlUserInfo().IsMatch(text);

    /// <summary><paramref name="text"/> with the user info of every URL replaced by <see cref="SecretRedactor.Mask"/>.</summary>
    public static string Mask(string text) =>
        Reveals(text) ? UrlUserInfo().Replace(text, m => m.Groups["scheme"].Value + SecretRedactor.Mask + "@") : text;

    /// <summary>Shorter passwords are masked only as part of <c>user:password</c> or of their URL, never alone, so that a few letters are not masked everywhere.</summary>
    public const int MinimumPasswordLength = 4;

    private static IEnumerable<string> Parts(string userInfo)
    {
        var colon = userInfo.IndexOf(':');
        if (colon < 0)
            yield break;
        yield return userInfo;
        if (userInfo.Length - colon - 1 >= MinimumPasswordLength)
            yield return userInfo[(colon + 1)..];
    }

    // scheme://userinfo@ ; user info stops where a host, path, query or fragment would (/, ?, #, @), at whitespace, quotes and brackets; "***" is already masked.
    [GeneratedRegex(@"(?<scheme>\b[A-Za-z][A-Za-z0-9+.\-]*://)(?!\*\*\*@)(?<info>[^/?#@\s'""<>()\[\]{}]+)@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlUserInfo();
}
