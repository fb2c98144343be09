using Prometheus;
using StreamFinance.Kafka.Observability;

namespace StreamFinance.Connectors.ErpSink;

/// <summary>
/// The ERP sinks' Prometheus series, labelled by connector: <c>streamfinance_erp_sink_calls_total{connector,outcome}</c>
/// (each HTTP attempt: posted, rejected, throttled, unavailable, timeout, error),
/// <c>streamfinance_erp_sink_call_duration_seconds{connector}</c>, <c>streamfinance_erp_sink_throttles_total{connector,by}</c>
/// (by=erp: a 429 answered; by=sink: a call waited for the endpoint's token bucket),
/// <c>streamfinance_erp_sink_circuit_open{connector}</c>, <c>streamfinance_erp_sink_paused_partitions{connector}</c> and
/// <c>streamfinance_erp_sink_confirmations_total{connector,status}</c>. No label carries a URL or a credential.
/// </summary>
public sealed class ErpSinkMetrics
{
    /// <summary>An attempt the ERP answered with 2xx.</summary>
    public const string Posted = "posted";

    /// <summary>An attempt the ERP refused for good (4xx but 401, 403, 408, 429).</summary>
    public const string Rejected = "rejected";

    /// <summary>An attempt answered 429.</summary>
    public const string Throttled = "throttled";

    /// <summary>An attempt answered 5xx, 408, 401 or 403.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>An attempt that timed out.</summary>
    public const string Timeout = "timeout";

    /// <summary>An attempt that failed to connect or read.</summary>
    public const string Error = "error";

    /// <summary>Defines the series in <paramref name="metrics"/>' registry.</summary>
    public ErpSinkMetrics(BusinessMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        Calls = metrics.Counter("erp_sink_calls_total", "ERP sink HTTP attempts by outcome.", "connector", "outcome");
        Duration = metrics.Histogram("erp_sink_call_duration_seconds", "Duration of ERP sink HTTP attempts.",
            [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30], "connector");
        Throttles = metrics.Counter("erp_sink_throttles_total", "ERP sink calls slowed down: by=erp a 429 answered, by=sink a wait for the endpoint's token bucket.", "connector", "by");
        CircuitOpen = metrics.Gauge("erp_sink_circuit_open", "1 while the ERP sink's circuit breaker is open (the ERP is treated as down).", "connector");
        PausedPartitions = metrics.Gauge("erp_sink_paused_partitions", "Partitions the ERP sink paused while the ERP is down.", "connector");
        Confirmations = metrics.Counter("erp_sink_confirmations_total", "Confirmations written to erp.posting-confirmations, by status.", "connector", "status");
    }

    /// <summary>Metrics in a registry of their own that nothing serves (tests).</summary>
    public static ErpSinkMetrics Detached() => new(BusinessMetrics.Detached());

    /// <summary>HTTP attempts by outcome.</summary>
    public Counter Calls { get; }

    /// <summary>Attempt durations.</summary>
    public Histogram Duration { get; }

    /// <summary>Throttled calls, by who throttled.</summary>
    public Counter Throttles { get; }

    /// <summary>1 while the circuit is open.</summary>
    public Gauge CircuitOpen { get; }

    /// <summary>Partitions paused for an outage.</summary>
    public Gauge PausedPartitions { get; }

    /// <summary>Confirmations written, by status.</summary>
    public Counter Confirmations { get; }

    /// <summary>Attempts of <paramref name="connector"/> with <paramref name="outcome"/> so far.</summary>
    public double CallsOf(string connector, string outcome) => Calls.ValueOrZero(connector, outcome);
}
