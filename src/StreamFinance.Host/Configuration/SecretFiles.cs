using Microsoft.Extensions.Configuration;
using StreamFinance.Host.Logging;

namespace StreamFinance.Host.Configuration;

/// <summary>
/// Secrets read from files, as container platforms mount them (Docker and Kubernetes secrets, systemd credentials): a
/// secret setting (see <see cref="SecretRedactor.IsSecretSetting"/>) may be given as the same key plus <c>File</c>, naming
/// the file that holds the value, e.g. <c>Kafka:SaslPasswordFile=/run/secrets/kafka-password</c> or
/// <c>STREAMFINANCE_SchemaRegistry__BasicAuthUserInfoFile</c>. The file's content, without trailing line breaks, becomes
/// the setting, and is masked like any secret. Giving both the setting and its file, or a file that cannot be read or is
/// empty, is a configuration error that names the setting and the path, never the content.
/// </summary>
public static class SecretFiles
{
    /// <summary>Suffix of a setting that names the file of a secret.</summary>
    public const string Suffix = "File";

    private const int MaxBytes = 64 * 1024;

    /// <summary>
    /// <paramref name="configuration"/> with every secret file read into its setting and the <c>...File</c> keys gone;
    /// the same instance when there are none.
    /// </summary>
    /// <exception cref="ConfigurationException">A secret is given twice, or its file cannot be used; every problem at once.</exception>
    public static IConfiguration Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var all = configuration.AsEnumerable().ToList();
        var files = all.Where(e => e.Value is not null && IsSecretFileKey(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            return configuration;

        var values = all.Where(e => e.Value is not null && !IsSecretFileKey(e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var (fileKey, path) in files)
        {
            var key = fileKey[..^Suffix.Length];
            if (values.TryGetValue(key, out var given) && !string.IsNullOrEmpty(given))
            {
                problems.Add($"{key} and {fileKey} are both set: give the secret or the file that holds it, not both.");
                continue;
            }
            if (Read(fileKey, path!, problems) is { } secret)
                values[key] = secret;
        }
        if (problems.Count > 0)
            throw new ConfigurationException(problems);
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    private static bool IsSecretFileKey(string key) =>
        key.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) && key.Length > Suffix.Length && SecretRedactor.IsSecretSetting(key[..^Suffix.Length]);

    private static string? Read(string fileKey, string path, List<string> problems)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                problems.Add($"{fileKey}: file '{path}' does not exist.");
                return null;
            }
            if (info.Length > MaxBytes)
            {
                problems.Add($"{fileKey}: file '{path}' has {info.Length} bytes; a secret file holds one value of at most {MaxBytes} bytes.");
                return null;
            }
            var secret = File.ReadAllText(path).TrimEnd('\r', '\n');
            if (secret.Length == 0)
                problems.Add($"{fileKey}: file '{path}' is empty.");
            return secret.Length == 0 ? null : secret;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{fileKey}: file '{path}' cannot be read ({e.GetType().Name}); check its permissions.");
            return null;
        }
    }
}
