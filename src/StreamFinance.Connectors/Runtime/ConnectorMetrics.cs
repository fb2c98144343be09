using Prometheus;
using StreamFinance.Kafka.Observability;

namespace StreamFinance.Connectors.Runtime;

/// <summary>
/// The connectors' Prometheus series, labelled by connector name and defined in the <see cref="BusinessMetrics"/> the
/// host passes to every connector (through <see cref="ConnectorContext.Metrics"/>):
/// <c>streamfinance_connector_records_total{connector,outcome=read|produced|dead_lettered}</c>,
/// <c>streamfinance_connector_up</c>, <c>streamfinance_connector_last_success_timestamp_seconds</c>,
/// <c>streamfinance_connector_errors_total</c> and <c>streamfinance_connector_retries_total</c>.
/// </summary>
public sealed class ConnectorMetrics
{
    /// <summary>Label value of records read from the source.</summary>
    public const string Read = "read";

    /// <summary>Label value of records acknowledged on their canonical topic.</summary>
    public const string Produced = "produced";

    /// <summary>Label value of records acknowledged on <c>dlq.ingest</c>.</summary>
    public const string DeadLettered = "dead_lettered";

    /// <summary>Defines the series in <paramref name="metrics"/>' registry.</summary>
    public ConnectorMetrics(BusinessMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        Records = metrics.Counter("connector_records_total", "Connector records read, produced and dead-lettered.", "connector", "outcome");
        Up = metrics.Gauge("connector_up", "1 while the connector runs and its last attempt succeeded.", "connector");
        LastSuccess = metrics.Gauge(
            "connector_last_success_timestamp_seconds", "Unix time of the connector's last successful file, poll or webhook.", "connector");
        Errors = metrics.Counter("connector_errors_total", "Failed connector attempts.", "connector");
        Retries = metrics.Counter("connector_retries_total", "Retries of connector source calls.", "connector");
    }

    /// <summary>Metrics in a registry of their own that nothing serves (connectors run outside the host, tests).</summary>
    public static ConnectorMetrics Detached() => new(BusinessMetrics.Detached());

    /// <summary>Records by outcome; per file and per poll, read = produced + dead_lettered once acknowledged.</summary>
    public Counter Records { get; }

    /// <summary>1 while the connector runs and its last attempt succeeded, else 0.</summary>
    public Gauge Up { get; }

    /// <summary>Unix time of the connector's last successful file, poll or webhook.</summary>
    public Gauge LastSuccess { get; }

    /// <summary>Failed attempts (a file that could not be read, a poll that failed after its retries, a rejected webhook).</summary>
    public Counter Errors { get; }

    /// <summary>Retries of source calls (HTTP 429 and 5xx, timeouts).</summary>
    public Counter Retries { get; }

    /// <summary>Records of <paramref name="connector"/> counted with <paramref name="outcome"/> so far; reading creates no series.</summary>
    public double RecordsOf(string connector, string outcome) => Records.ValueOrZero(connector, outcome);
}
