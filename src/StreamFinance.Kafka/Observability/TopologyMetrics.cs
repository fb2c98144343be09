using Prometheus;

namespace StreamFinance.Kafka.Observability;

/// <summary>
/// The <see cref="PipelineMetrics"/> of one topology, with its <c>topology</c> label filled in. A topology gets it from
/// <see cref="TopologyContext.Metrics"/> and records through <see cref="StreamMetricsExtensions"/>.
/// </summary>
public sealed class TopologyMetrics
{
    private readonly PipelineMetrics metrics;
    private readonly Histogram.Child latency;

    internal TopologyMetrics(PipelineMetrics metrics, string topology)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topology);
        this.metrics = metrics;
        Topology = topology;
        latency = metrics.ProcessingLatency.WithLabels(topology);
    }

    /// <summary>
    /// Metrics for code that builds a topology outside the host (topic provisioning, TopologyTestDriver tests): kept
    /// in a registry of their own that nothing serves, so that they never mix with a running pipeline's.
    /// </summary>
    public static TopologyMetrics Detached() =>
        new PipelineMetrics(new PrefixedMetricFactory(Metrics.NewCustomRegistry())).For("detached");

    /// <summary>The topology name used as the <c>topology</c> label.</summary>
    public string Topology { get; }

    /// <summary>Counter of records read from <paramref name="topic"/>.</summary>
    public Counter.Child Consumed(string topic) => metrics.RecordsConsumed.WithLabels(Topology, topic);

    /// <summary>Counter of records written to <paramref name="topic"/>.</summary>
    public Counter.Child Produced(string topic) => metrics.RecordsProduced.WithLabels(Topology, topic);

    /// <summary>
    /// Counts one record handed to <paramref name="topic"/> and observes its latency: now minus
    /// <paramref name="sourceTimestampMs"/> (Unix milliseconds). A record without a timestamp (0 or less) is counted
    /// but not timed; a timestamp in the future counts as zero latency.
    /// </summary>
    public void RecordProduced(string topic, long sourceTimestampMs, TimeProvider? clock = null)
    {
        Produced(topic).Inc();
        if (sourceTimestampMs <= 0)
            return;
        var nowMs = (clock ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds();
        latency.Observe(Math.Max(0, nowMs - sourceTimestampMs) / 1000.0);
    }

    /// <summary>
    /// Publishes a zero for every input and output topic, so that dashboards and <c>rate()</c> see the series
    /// before the first record arrives.
    /// </summary>
    public void Initialize(IEnumerable<string> inputs, IEnumerable<string> outputs)
    {
        foreach (var topic in inputs)
            Consumed(topic).Inc(0);
        foreach (var topic in outputs)
            Produced(topic).Inc(0);
    }
}
