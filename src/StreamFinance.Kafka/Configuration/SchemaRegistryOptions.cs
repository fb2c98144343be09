using Confluent.SchemaRegistry;

namespace StreamFinance.Kafka.Configuration;

/// <summary>
/// How StreamFinance reaches the Schema Registry. Bound from the <c>SchemaRegistry</c> configuration section.
/// </summary>
public sealed class SchemaRegistryOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "SchemaRegistry";

    /// <summary>Base URL of a Confluent-compatible Schema Registry. Default <c>http://localhost:8081</c>.</summary>
    public string Url { get; set; } = "http://localhost:8081";

    /// <summary><c>user:password</c> for HTTP basic authentication. A secret: never logged. Default none.</summary>
    public string? BasicAuthUserInfo { get; set; }

    /// <summary>
    /// Whether serializers register a schema the first time they write it. Default true, which suits the demo and
    /// development. Production usually registers schemas with <c>streamfinance topics apply</c> and sets this to false,
    /// so that a wrong build cannot evolve a subject by accident.
    /// </summary>
    public bool AutoRegisterSchemas { get; set; } = true;

    /// <summary>Timeout of one registry request. Default 5000 ms.</summary>
    public int RequestTimeoutMs { get; set; } = 5000;

    /// <summary>Settings for Confluent's <see cref="CachedSchemaRegistryClient"/>.</summary>
    public SchemaRegistryConfig ToClientConfig()
    {
        var config = new SchemaRegistryConfig { Url = Url, RequestTimeoutMs = RequestTimeoutMs };
        if (!string.IsNullOrEmpty(BasicAuthUserInfo))
        {
            config.BasicAuthCredentialsSource = AuthCredentialsSource.UserInfo;
            config.BasicAuthUserInfo = BasicAuthUserInfo;
        }
        return config;
    }

    /// <summary>Every problem with these settings, each phrased so a person can fix it.</summary>
    public IEnumerable<string> Validate()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            yield return $"SchemaRegistry:Url '{Url}' is not an http(s) URL (for example http://schema-registry:8081).";
        if (RequestTimeoutMs is < 100 or > 60_000)
            yield return $"SchemaRegistry:RequestTimeoutMs is {RequestTimeoutMs}: use 100 to 60000.";
        if (BasicAuthUserInfo is { Length: > 0 } info && !info.Contains(':'))
            yield return "SchemaRegistry:BasicAuthUserInfo must be user:password.";
    }

    /// <inheritdoc />
    public override string ToString() => $"Url={Url}, BasicAuth={(BasicAuthUserInfo is null ? "-" : "***")}, AutoRegisterSchemas={AutoRegisterSchemas}";
}
