using Prometheus;
using StreamFinance.Kafka.Observability;

namespace StreamFinance.Connectors.Runtime;

/// <summary>
/// The connectors' Prometheus series, labelled by connector name:
/// <c>streamfinance_connector_records_total{connector,outcome=read|produced|dead_lettered}</c>,
/// <c>streamfinance_connector_up</c>, <c>streamfinance_connector_last_success_timestamp_seconds</c>,
/// <c>streamfinance_connector_errors_total</c> and <c>streamfinance_connector_retries_total</c>.
/// </summary>
public static class ConnectorMetrics
{
    /// <summary>Label value of records read from the source.</summary>
    public const string Read = "read";

    /// <summary>Label value of records acknowledged on their canonical topic.</summary>
    public const string Produced = "produced";

    /// <summary>Label value of records acknowledged on <c>dlq.ingest</c>.</summary>
    public const string DeadLettered = "dead_lettered";

    /// <summary>Records by outcome; per file and per poll, read = produced + dead_lettered once acknowledged.</summary>
    public static readonly Counter Records = BusinessMetrics.Counter(
        "connector_records_total", "Connector records read, produced and dead-lettered.", "connector", "outcome");

    /// <summary>1 while the connector runs and its last attempt succeeded, else 0.</summary>
    public static readonly Gauge Up = BusinessMetrics.Gauge("connector_up", "1 while the connector runs and its last attempt succeeded.", "connector");

    /// <summary>Unix time of the connector's last successful file, poll or webhook.</summary>
    public static readonly Gauge LastSuccess = BusinessMetrics.Gauge(
        "connector_last_success_timestamp_seconds", "Unix time of the connector's last successful file, poll or webhook.", "connector");

    /// <summary>Failed attempts (a file that could not be read, a poll that failed after its retries, a rejected webhook).</summary>
    public static readonly Counter Errors = BusinessMetrics.Counter("connector_errors_total", "Failed connector attempts.", "connector");

    /// <summary>Retries of source calls (HTTP 429 and 5xx, timeouts).</summary>
    public static readonly Counter Retries = BusinessMetrics.Counter("connector_retries_total", "Retries of connector source calls.", "connector");
}
