using StreamFinance.Kafka.Observability.Streamiz;

namespace StreamFinance.Topologies.Tests.Observability;

public sealed class StreamizMetricNameTests
{
    [Theory]
    [InlineData("stream-thread-metrics", "commit-latency-avg", "streamfinance_streamiz_thread_commit_latency_avg_seconds", 1e-3)]
    [InlineData("stream-thread-metrics", "poll-latency-max", "streamfinance_streamiz_thread_poll_latency_max_seconds", 1e-3)]
    [InlineData("stream-thread-metrics", "commit-total", "streamfinance_streamiz_thread_commit", 1)]
    [InlineData("stream-thread-metrics", "process-ratio", "streamfinance_streamiz_thread_process_ratio", 1)]
    [InlineData("stream-thread-metrics", "thread-start-time", "streamfinance_streamiz_thread_thread_start_time_seconds", 1e-3)]
    [InlineData("stream-task-metrics", "active-buffer-count", "streamfinance_streamiz_task_active_buffer_count_current", 1)]
    [InlineData("stream-metrics", "stream_threads", "streamfinance_streamiz_client_stream_threads", 1)]
    [InlineData("stream-librdkafka-consumer-metrics", "consumer-lag", "streamfinance_streamiz_librdkafka_consumer_consumer_lag", 1)]
    [InlineData("stream-librdkafka-consumer-metrics", "time-rebalance-age", "streamfinance_streamiz_librdkafka_consumer_time_rebalance_age_seconds", 1e-3)]
    [InlineData("stream-librdkafka-producer-metrics", "broker-latency-avg-micros", "streamfinance_streamiz_librdkafka_producer_broker_latency_avg_seconds", 1e-6)]
    [InlineData("stream-librdkafka-producer-metrics", "messages-queue-current-total", "streamfinance_streamiz_librdkafka_producer_messages_queue_current", 1)]
    public void Streamiz_metrics_get_snake_case_names_in_base_units_without_total(string group, string metric, string expected, double scale)
    {
        var (name, factor) = StreamizMetricName.For(group, metric);

        Assert.Equal(expected, name);
        Assert.Equal(scale, factor);
    }
}
