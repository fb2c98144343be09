namespace StreamFinance.Kafka.Observability;

/// <summary>The Prometheus metric types StreamFinance creates; the naming rules differ per type.</summary>
public enum MetricKind
{
    /// <summary>Only goes up (or resets to zero when the process restarts); its name ends in <c>_total</c>.</summary>
    Counter,

    /// <summary>A value that goes up and down; its name never ends in <c>_total</c>.</summary>
    Gauge,

    /// <summary>A distribution in buckets; its name ends in the base unit it measures (<c>_seconds</c>, <c>_bytes</c>) where there is one.</summary>
    Histogram,
}
