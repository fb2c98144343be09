using StreamFinance.Connectors.ErpSink;
using StreamFinance.Connectors.FileDrop;
using StreamFinance.Connectors.Generator;
using StreamFinance.Connectors.Rest;
using StreamFinance.Connectors.Sensitive;
using StreamFinance.Connectors.Webhooks;
using StreamFinance.Contracts.Catalog;

namespace StreamFinance.Host.Configuration;

/// <summary>
/// One connector, bound from <c>Connectors:&lt;name&gt;</c>: its kind, mapping profile, target topic, and the settings
/// of its kind (schedule or rate). Secrets (<c>Rest:BearerToken</c>, <c>Rest:ApiKey</c>, <c>Webhook:Secret</c>,
/// <c>ErpRest:BearerToken</c>, <c>ErpRest:ApiKey</c>, <c>ErpRest:Password</c>, <c>DeadLetterSecret</c>) are masked in logs.
/// An <see cref="ConnectorKind.ErpRest"/> connector is a sink: its <c>Profile</c> is an outbound profile and its
/// <c>Topic</c> the <c>erp.*</c> topic it consumes.
/// </summary>
public sealed class ConnectorOptions
{
    /// <summary>Configuration section name of all connectors.</summary>
    public const string Section = "Connectors";

    /// <summary>What kind of connector. Required.</summary>
    public ConnectorKind? Kind { get; set; }

    /// <summary>Whether the connector runs in <c>demo</c> and <c>run</c>. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Mapping profile name, e.g. <c>concur-expense-entries</c> (for an ERP sink an outbound profile, e.g. <c>netsuite-journal-entries</c>); required except for the generator.</summary>
    public string? Profile { get; set; }

    /// <summary>Catalog topic the profile must write to (an ERP sink: read from), checked at start (e.g. <c>ingest.expenses</c>, <c>erp.journal-postings</c>); default: the profile's own.</summary>
    public string? Topic { get; set; }

    /// <summary>
    /// Base64 of 32 random bytes (<c>openssl rand -base64 32</c>). When set, a dead letter whose sensitive values were
    /// masked keeps its original raw value AES-256-GCM encrypted in header <c>streamfinance.sensitive-original</c>, and
    /// <c>dlq replay</c> run with the same setting restores it; without it the original is not kept anywhere. Default none.
    /// </summary>
    public string? DeadLetterSecret { get; set; }

    /// <summary>Settings of a <see cref="ConnectorKind.FileDrop"/> connector.</summary>
    public FileDropOptions? FileDrop { get; set; }

    /// <summary>Settings of a <see cref="ConnectorKind.RestPoll"/> connector.</summary>
    public RestPollingOptions? Rest { get; set; }

    /// <summary>Settings of a <see cref="ConnectorKind.Webhook"/> connector.</summary>
    public WebhookOptions? Webhook { get; set; }

    /// <summary>Settings of a <see cref="ConnectorKind.Generator"/> connector.</summary>
    public GeneratorConnectorOptions? Generator { get; set; }

    /// <summary>Settings of an <see cref="ConnectorKind.ErpRest"/> sink.</summary>
    public ErpSinkOptions? ErpRest { get; set; }

    /// <summary>Every problem with connector <paramref name="name"/>, each phrased so a person can fix it.</summary>
    public IEnumerable<string> Validate(string name)
    {
        var prefix = $"{Section}:{name}";
        if (string.IsNullOrWhiteSpace(name) || name.Contains('/', StringComparison.Ordinal) || name.Any(char.IsWhiteSpace))
            yield return $"{prefix}: connector names must be non-empty, without '/' or spaces (they key offsets and label metrics).";
        if (Kind is null)
        {
            yield return $"{prefix}:Kind is missing: use one of {string.Join(", ", Enum.GetNames<ConnectorKind>())}.";
            yield break;
        }

        if (Kind != ConnectorKind.Generator && string.IsNullOrWhiteSpace(Profile))
            yield return $"{prefix}:Profile is missing: name the mapping profile that reads this source.";
        if (Topic is not null && !Topics.All.Any(t => t.Name == Topic))
            yield return $"{prefix}:Topic '{Topic}' is not a catalog topic (see 'streamfinance topics list').";
        if (DeadLetterSecret is not null && SensitiveOriginalCipher.ProblemWith(DeadLetterSecret) is { } secretProblem)
            yield return $"{prefix}:DeadLetterSecret is unusable: {secretProblem}.";
        var (present, problems) = Kind switch
        {
            ConnectorKind.FileDrop => (FileDrop is not null, FileDrop?.Validate($"{prefix}:FileDrop") ?? []),
            ConnectorKind.RestPoll => (Rest is not null, Rest?.Validate($"{prefix}:Rest") ?? []),
            ConnectorKind.Webhook => (Webhook is not null, Webhook?.Validate($"{prefix}:Webhook") ?? []),
            ConnectorKind.ErpRest => (ErpRest is not null, ErpRest?.Validate($"{prefix}:ErpRest") ?? []),
            _ => (true, (Generator ?? new GeneratorConnectorOptions()).Validate($"{prefix}:Generator")),
        };
        if (!present)
            yield return $"{prefix}: a {Kind} connector needs its '{(Kind == ConnectorKind.RestPoll ? "Rest" : Kind.ToString())}' settings.";
        foreach (var problem in problems)
            yield return problem;
        var others = new (string Name, object? Value, ConnectorKind For)[]
        {
            ("FileDrop", FileDrop, ConnectorKind.FileDrop), ("Rest", Rest, ConnectorKind.RestPoll),
            ("Webhook", Webhook, ConnectorKind.Webhook), ("Generator", Generator, ConnectorKind.Generator), ("ErpRest", ErpRest, ConnectorKind.ErpRest),
        };
        foreach (var other in others.Where(o => o.Value is not null && o.For != Kind))
            yield return $"{prefix}:{other.Name} is set but Kind is {Kind}; remove it or change Kind.";
    }
}
