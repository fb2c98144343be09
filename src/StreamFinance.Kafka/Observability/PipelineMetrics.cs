using Prometheus;

namespace StreamFinance.Kafka.Observability;

/// <summary>
/// The metrics every topology has from day one, defined once:
/// <list type="bullet">
/// <item><c>streamfinance_records_consumed_total{topology,topic}</c>: records a topology read from a source topic;</item>
/// <item><c>streamfinance_records_produced_total{topology,topic}</c>: records a topology handed to a sink topic;</item>
/// <item><c>streamfinance_processing_latency_seconds{topology}</c>: end-to-end latency, from the timestamp of the
/// record that caused an output to the moment that output reached its sink (what Kafka Streams calls record-e2e-latency).</item>
/// </list>
/// Topologies record them through <see cref="TopologyMetrics"/> and the stream helpers of <see cref="StreamMetricsExtensions"/>.
/// </summary>
public sealed class PipelineMetrics
{
    /// <summary>Label naming the topology (<c>IStreamTopology.Name</c>).</summary>
    public const string TopologyLabel = "topology";

    /// <summary>Label naming a Kafka topic.</summary>
    public const string TopicLabel = "topic";

    /// <summary>Creates the metrics through <paramref name="factory"/>.</summary>
    public PipelineMetrics(PrefixedMetricFactory factory)
    {
        RecordsConsumed = factory.Counter("records_consumed_total", "Records a topology read from a source topic.", TopologyLabel, TopicLabel);
        RecordsProduced = factory.Counter("records_produced_total", "Records a topology handed to a sink topic.", TopologyLabel, TopicLabel);
        ProcessingLatency = factory.Histogram(
            "processing_latency_seconds",
            "Seconds from the timestamp of the record that caused an output to the moment the output reached its sink topic.",
            PrefixedMetricFactory.LatencyBuckets,
            TopologyLabel);
    }

    /// <summary>The metrics in prometheus-net's default registry, served by the host.</summary>
    public static PipelineMetrics Default { get; } = new(PrefixedMetricFactory.Default);

    /// <summary><c>streamfinance_records_consumed_total{topology,topic}</c>.</summary>
    public Counter RecordsConsumed { get; }

    /// <summary><c>streamfinance_records_produced_total{topology,topic}</c>.</summary>
    public Counter RecordsProduced { get; }

    /// <summary><c>streamfinance_processing_latency_seconds{topology}</c>.</summary>
    public Histogram ProcessingLatency { get; }

    /// <summary>The metrics of one topology.</summary>
    public TopologyMetrics For(string topology) => new(this, topology);
}
