using Microsoft.Extensions.Configuration;

namespace StreamFinance.Host.Logging;

/// <summary>
/// Knows the secret values of the configuration and masks them in any text. A setting is secret when its name (the
/// last part of its key) contains <c>Password</c>, <c>Secret</c>, <c>ApiKey</c>, <c>Token</c> or <c>UserInfo</c>, in any
/// case: <c>Kafka:SaslPassword</c>, <c>Kafka:SslKeyPassword</c>, <c>SchemaRegistry:BasicAuthUserInfo</c> (and its
/// password part alone), and any such setting a later connector adds.
/// </summary>
/// <remarks>
/// Masking is by value, so a secret is masked wherever it appears, also in text that Streamiz, librdkafka or an exception
/// built. Credentials written into an address are secrets too, whatever the setting's name: the user info of any URL
/// setting (<c>SchemaRegistry:Url</c>, a connector's <c>Rest:BaseUrl</c>) and of <c>Kafka:BootstrapServers</c> entries;
/// and the user info of any URL in any text is masked by pattern (<see cref="UrlCredentials"/>), so an address always
/// prints as <c>http://***@host:8081</c>.
/// </remarks>
public sealed class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    private static readonly string[] SecretNameParts = ["password", "secret", "apikey", "api_key", "token", "userinfo"];

    private readonly string[] secrets;

    /// <summary>Masks <paramref name="secrets"/> (empty and whitespace values are ignored).</summary>
    public SecretRedactor(IEnumerable<string?> secrets)
    {
        // Longest first, so that a secret containing another one is masked whole.
        this.secrets = secrets
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Select(s => s!)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();
    }

    /// <summary>A redactor with nothing to mask.</summary>
    public static SecretRedactor None { get; } = new([]);

    /// <summary>Whether no secret value is known (URL credentials are still masked by pattern).</summary>
    public bool IsEmpty => secrets.Length == 0;

    /// <summary>Collects the value of every secret setting in <paramref name="configuration"/>.</summary>
    public static SecretRedactor FromConfiguration(IConfiguration configuration)
    {
        var values = new List<string?>();
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (string.IsNullOrWhiteSpace(value))
                continue;
            values.AddRange(UrlCredentials.In(value, bootstrapList: key.EndsWith("BootstrapServers", StringComparison.OrdinalIgnoreCase)));
            if (!IsSecretSetting(key))
                continue;
            values.Add(value);
            values.Add(value.Trim());
            // user:password: the password alone may appear too (for example in a basic-auth error).
            var colon = value.IndexOf(':');
            if (key.EndsWith("UserInfo", StringComparison.OrdinalIgnoreCase) && colon >= 0)
                values.Add(value[(colon + 1)..]);
        }
        return new SecretRedactor(values);
    }

    /// <summary>Whether the setting <paramref name="key"/> (<c>Section:Name</c>) holds a secret.</summary>
    public static bool IsSecretSetting(string key)
    {
        var name = key[(key.LastIndexOf(':') + 1)..];
        return SecretNameParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether <paramref name="text"/> contains a secret.</summary>
    public bool Reveals(string? text)
    {
        if (text is null)
            return false;
        foreach (var secret in secrets)
            if (text.Contains(secret, StringComparison.Ordinal))
                return true;
        return UrlCredentials.Reveals(text);
    }

    /// <summary><paramref name="text"/> with every secret, and the user info of every URL, replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        foreach (var secret in secrets)
            if (text.Contains(secret, StringComparison.Ordinal))
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
        return UrlCredentials.Mask(text);
    }
}
