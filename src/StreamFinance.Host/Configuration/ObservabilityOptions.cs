using System.Globalization;
using System.Net;

namespace StreamFinance.Host.Configuration;

/// <summary>
/// The HTTP listener that serves <c>/metrics</c>, <c>/health/live</c> and <c>/health/ready</c>, and how often the
/// readiness and Kafka client statistics are refreshed. Bound from the <c>Observability</c> configuration section.
/// </summary>
public sealed class ObservabilityOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Observability";

    /// <summary>
    /// IP address to listen on: <c>127.0.0.1</c> (default, this machine only), <c>0.0.0.0</c> or <c>::</c> (every
    /// interface, for a container scraped from outside), any local address, or <c>localhost</c> (taken as 127.0.0.1).
    /// </summary>
    public string MetricsHost { get; set; } = "127.0.0.1";

    /// <summary>TCP port of the listener. Default 9464 (the Prometheus exporter convention); 0 picks a free port, for tests.</summary>
    public int MetricsPort { get; set; } = 9464;

    /// <summary>How long a Schema Registry answer counts for <c>/health/ready</c> before the registry is asked again. Default 5 s.</summary>
    public int RegistryCheckIntervalSeconds { get; set; } = 5;

    /// <summary>
    /// librdkafka <c>statistics.interval.ms</c> of every Kafka client (topologies and connectors), the source of
    /// consumer lag, producer queue depth and request errors. Default 10000 ms; 0 turns the statistics off.
    /// </summary>
    public int KafkaStatisticsIntervalMs { get; set; } = 10_000;

    /// <summary>
    /// A running topology with records waiting on its inputs that processes none of them for this long is stalled: not
    /// ready, and replaced by its supervisor. Default 60 s; 0 turns stall detection off.
    /// </summary>
    public int StallSeconds { get; set; } = 60;

    /// <summary>The address <see cref="MetricsHost"/> names; call after <see cref="Validate"/> found no problem.</summary>
    public IPAddress ListenAddress =>
        string.Equals(MetricsHost, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback : IPAddress.Parse(MetricsHost);

    /// <summary>Every problem with these settings, each phrased so a person can fix it.</summary>
    public IEnumerable<string> Validate()
    {
        if (!string.Equals(MetricsHost, "localhost", StringComparison.OrdinalIgnoreCase) && !IPAddress.TryParse(MetricsHost, out _))
            yield return $"Observability:MetricsHost '{MetricsHost}' is not an IP address: use 127.0.0.1 (this machine only), 0.0.0.0 (every interface) or another local address.";
        if (MetricsPort is < 0 or > 65535)
            yield return $"Observability:MetricsPort is {MetricsPort}: use a TCP port from 1 to 65535, or 0 for any free port.";
        if (RegistryCheckIntervalSeconds is < 1 or > 300)
            yield return $"Observability:RegistryCheckIntervalSeconds is {RegistryCheckIntervalSeconds}: use 1 to 300.";
        if (KafkaStatisticsIntervalMs != 0 && KafkaStatisticsIntervalMs is < 100 or > 3_600_000)
            yield return $"Observability:KafkaStatisticsIntervalMs is {KafkaStatisticsIntervalMs}: use 100 to 3600000, or 0 to turn Kafka client statistics off.";
        if (StallSeconds != 0 && StallSeconds is < 2 or > 86_400)
            yield return $"Observability:StallSeconds is {StallSeconds}: use 2 to 86400, or 0 to turn stall detection off.";
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"MetricsHost={MetricsHost}, MetricsPort={MetricsPort}, RegistryCheckIntervalSeconds={RegistryCheckIntervalSeconds}, KafkaStatisticsIntervalMs={KafkaStatisticsIntervalMs}, StallSeconds={StallSeconds}");
}
