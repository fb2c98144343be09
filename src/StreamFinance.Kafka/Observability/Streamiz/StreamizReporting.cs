using StreamFinance.Kafka.Observability.Kafka;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Metrics;

namespace StreamFinance.Kafka.Observability.Streamiz;

/// <summary>
/// How a topology's <c>KafkaStream</c> reports its metrics: Streamiz sensors at INFO recording level to
/// <paramref name="Bridge"/> every 30 s (<see cref="ReportIntervalMs"/>, Streamiz's minimum), and librdkafka
/// statistics of its consumers and producers every <paramref name="StatisticsIntervalMs"/> (0 turns them off).
/// </summary>
/// <param name="Bridge">Where sensors are published; <see cref="StreamizMetricsBridge.Default"/> in the host.</param>
/// <param name="StatisticsIntervalMs">librdkafka <c>statistics.interval.ms</c>; default 10 s.</param>
public sealed record StreamizReporting(StreamizMetricsBridge Bridge, int StatisticsIntervalMs = LibrdKafkaStatistics.DefaultIntervalMs)
{
    /// <summary>
    /// Streamiz's reporter interval. Streamiz 1.8.2 raises anything lower to 30 s (<c>StreamConfig.MetricsIntervalMs</c>),
    /// which is why the host also reads sensors at each scrape (<see cref="StreamizMetricsBridge.Track"/>).
    /// </summary>
    public const long ReportIntervalMs = 30_000;

    /// <summary>
    /// Where the librdkafka statistics of the stream's clients are published as Kafka client metrics (lag, producer
    /// queues, request errors, timeouts and retries); default <see cref="KafkaClientMetrics.Default"/>, served by the host.
    /// </summary>
    public KafkaClientMetrics ClientMetrics { get; init; } = KafkaClientMetrics.Default;

    /// <summary>Sets the reporter, its interval, the recording level and the librdkafka statistics on <paramref name="config"/>.</summary>
    public void ApplyTo(StreamConfig config, string topology)
    {
        ArgumentNullException.ThrowIfNull(config);
        // INFO: client, thread and task-level sensors. DEBUG adds per-processor and per-store sensors at a real cost per record.
        config.MetricsRecording = MetricsRecordingLevel.INFO;
        config.MetricsIntervalMs = ReportIntervalMs;
        config.MetricsReporter = Bridge.ReporterFor(topology);
        // Streamiz then adds librdkafka sensors for each stream thread's main consumer and producer (not the global or restore consumers).
        config.ExposeLibrdKafkaStats = StatisticsIntervalMs > 0;
        if (StatisticsIntervalMs > 0)
            config.StatisticsIntervalMs = StatisticsIntervalMs;
    }
}
