using Confluent.Kafka;

namespace StreamFinance.Kafka.Configuration;

/// <summary>
/// How StreamFinance reaches Kafka. Bound from the <c>Kafka</c> configuration section.
/// Secrets (<see cref="SaslPassword"/>, <see cref="SslKeyPassword"/>) are never logged: <see cref="ToString"/> masks them.
/// </summary>
public sealed class KafkaOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Kafka";

    /// <summary>Comma-separated host:port list. Default <c>localhost:9092</c>.</summary>
    public string BootstrapServers { get; set; } = "localhost:9092";

    /// <summary>Plaintext (default), Ssl, SaslPlaintext or SaslSsl.</summary>
    public SecurityProtocol SecurityProtocol { get; set; } = SecurityProtocol.Plaintext;

    /// <summary>SASL mechanism when a SASL protocol is used. Default Plain.</summary>
    public SaslMechanism SaslMechanism { get; set; } = SaslMechanism.Plain;

    /// <summary>SASL user name. Default none.</summary>
    public string? SaslUsername { get; set; }

    /// <summary>SASL password. A secret: never logged. Default none.</summary>
    public string? SaslPassword { get; set; }

    /// <summary>Path to the CA certificate(s) that sign the brokers' certificates. Default: the system store.</summary>
    public string? SslCaLocation { get; set; }

    /// <summary>Password of the client key, for mutual TLS. A secret: never logged. Default none.</summary>
    public string? SslKeyPassword { get; set; }

    /// <summary>Whether the clients authenticate with SASL: the SASL settings reach them only then.</summary>
    public bool UsesSasl => SecurityProtocol is SecurityProtocol.SaslPlaintext or SecurityProtocol.SaslSsl;

    /// <summary>Prefix of every client id StreamFinance opens. Default <c>streamfinance</c>.</summary>
    public string ClientIdPrefix { get; set; } = "streamfinance";

    /// <summary>How long start-up waits for the cluster to answer before it fails. Default 10 s (the whole check stays under 15 s).</summary>
    public int ConnectTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Copies the connection and security settings onto any Confluent client configuration. A producer also gets the
    /// murmur2 partitioner (<c>murmur2_random</c>, the Java client's and Streamiz's), so that a key lands in the partition
    /// Streamiz would pick for it: the expense topology meets card transactions, which connectors write, with approvals
    /// it re-keys itself by the same id, and the two meet only when both topics put a key in the same partition
    /// (librdkafka's own default, CRC32, would send most keys elsewhere).
    /// </summary>
    public T ApplyTo<T>(T config, string clientSuffix) where T : ClientConfig
    {
        if (config is ProducerConfig producer)
            producer.Partitioner = Partitioner.Murmur2Random;
        config.BootstrapServers = BootstrapServers;
        config.ClientId = $"{ClientIdPrefix}-{clientSuffix}";
        config.SecurityProtocol = SecurityProtocol;
        if (UsesSasl)
        {
            config.SaslMechanism = SaslMechanism;
            config.SaslUsername = SaslUsername;
            config.SaslPassword = SaslPassword;
        }
        if (!string.IsNullOrWhiteSpace(SslCaLocation)) config.SslCaLocation = SslCaLocation;
        if (!string.IsNullOrWhiteSpace(SslKeyPassword)) config.SslKeyPassword = SslKeyPassword;
        return config;
    }

    /// <summary>Every problem with these settings, each phrased so a person can fix it.</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(BootstrapServers))
            yield return "Kafka:BootstrapServers is empty: give host:port of at least one broker.";
        else
            foreach (var server in BootstrapServers.Split(',', StringSplitOptions.TrimEntries))
                if (server.Contains('@', StringComparison.Ordinal))
                    // The entry is not quoted: it would print the credentials it carries.
                    yield return "Kafka:BootstrapServers has an entry with credentials (user@host:port); Kafka takes none there: list host:port only and set Kafka:SaslUsername and Kafka:SaslPassword.";
                else if (!IsHostPort(server))
                    yield return $"Kafka:BootstrapServers entry '{server}' is not host:port (for example kafka:9092).";
        if (UsesSasl
            && (string.IsNullOrWhiteSpace(SaslUsername) || string.IsNullOrEmpty(SaslPassword))
            && SaslMechanism != SaslMechanism.OAuthBearer && SaslMechanism != SaslMechanism.Gssapi)
            yield return $"Kafka:SecurityProtocol is {SecurityProtocol} with {SaslMechanism}: set Kafka:SaslUsername and Kafka:SaslPassword.";
        if (ConnectTimeoutSeconds is < 1 or > 14)
            yield return $"Kafka:ConnectTimeoutSeconds is {ConnectTimeoutSeconds}: use 1 to 14 seconds.";
        if (string.IsNullOrWhiteSpace(ClientIdPrefix))
            yield return "Kafka:ClientIdPrefix is empty.";
    }

    private static bool IsHostPort(string value)
    {
        var colon = value.LastIndexOf(':');
        return colon > 0 && int.TryParse(value[(colon + 1)..], out var port) && port is > 0 and < 65536;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"BootstrapServers={BootstrapServers}, SecurityProtocol={SecurityProtocol}, SaslUsername={SaslUsername ?? "-"}, SaslPassword={(SaslPassword is null ? "-" : "***")}";
}
