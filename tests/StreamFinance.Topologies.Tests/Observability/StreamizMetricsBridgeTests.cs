using StreamFinance.Kafka.Observability.Streamiz;
using StreamFinance.Topologies.Tests.Support;

namespace StreamFinance.Topologies.Tests.Observability;

public sealed class StreamizMetricsBridgeTests
{
    private const string Thread = "app-1-stream-thread-0";
    private readonly TestRegistry registry = new();
    private readonly StreamizMetricsBridge bridge;

    public StreamizMetricsBridgeTests()
    {
        bridge = new StreamizMetricsBridge(registry.Registry);
    }

    [Fact]
    public async Task A_sensor_metric_becomes_a_gauge_labelled_with_the_topology_and_its_tags_in_seconds()
    {
        bridge.Publish("expenses", [ThreadMetric("commit-latency-avg", 250.0)], complete: true);

        var text = await registry.ExportAsync();
        Assert.Equal(0.25, text.Value("streamfinance_streamiz_thread_commit_latency_avg_seconds", ("topology", "expenses"), ("thread_id", Thread)));
        Assert.Equal("The average commit latency", text.Help("streamfinance_streamiz_thread_commit_latency_avg_seconds"));
        Assert.Contains("# TYPE streamfinance_streamiz_thread_commit_latency_avg_seconds gauge", text.Text);
    }

    [Fact]
    public async Task Integer_boolean_and_text_values_are_published_as_numbers()
    {
        bridge.Publish("expenses",
        [
            Sample("stream-metrics", "stream_threads", 2, ("client_id", "app-1")),
            Sample("stream-metrics", "state", true, ("client_id", "app-1")),
            Sample("stream-metrics", "version", "1.8.2", ("client_id", "app-1"), ("version", "1.8.2")),
        ], complete: true);

        var text = await registry.ExportAsync();
        Assert.Equal(2, text.Value("streamfinance_streamiz_client_stream_threads", ("topology", "expenses")));
        Assert.Equal(1, text.Value("streamfinance_streamiz_client_state", ("topology", "expenses")));
        Assert.Equal(1, text.Value("streamfinance_streamiz_client_version", ("topology", "expenses"), ("version", "1.8.2")));
    }

    [Fact]
    public async Task A_complete_publish_removes_series_that_went_away_and_a_partial_one_keeps_them()
    {
        bridge.Publish("expenses", [TaskMetric("0_0", 5), TaskMetric("0_1", 7)], complete: true);

        bridge.Publish("expenses", [TaskMetric("0_1", 8)], complete: false);
        var afterPartial = await registry.ExportAsync();
        bridge.Publish("expenses", [TaskMetric("0_1", 9)], complete: true);
        var afterComplete = await registry.ExportAsync();

        Assert.Equal(5, afterPartial.Value("streamfinance_streamiz_task_active_restoration", ("task_id", "0_0")));
        Assert.Equal(8, afterPartial.Value("streamfinance_streamiz_task_active_restoration", ("task_id", "0_1")));
        Assert.Null(afterComplete.Value("streamfinance_streamiz_task_active_restoration", ("task_id", "0_0")));
        Assert.Equal(9, afterComplete.Value("streamfinance_streamiz_task_active_restoration", ("task_id", "0_1")));
    }

    [Fact]
    public async Task Topologies_keep_their_own_series_and_forgetting_one_removes_only_its_own()
    {
        bridge.Publish("expenses", [ThreadMetric("process-ratio", 0.5)], complete: true);
        bridge.Publish("postings", [ThreadMetric("process-ratio", 0.25)], complete: true);

        bridge.Forget("expenses");

        var text = await registry.ExportAsync();
        Assert.Null(text.Value("streamfinance_streamiz_thread_process_ratio", ("topology", "expenses")));
        Assert.Equal(0.25, text.Value("streamfinance_streamiz_thread_process_ratio", ("topology", "postings")));
    }

    [Fact]
    public async Task Huge_label_values_and_librdkafka_placeholders_are_left_out()
    {
        bridge.Publish("expenses",
        [
            Sample("stream-metrics", "topology_description", "x", ("topology_description", new string('x', 500))),
            Sample("stream-librdkafka-consumer-metrics", "consumer-lag", 0L, ("librdkafka_client_id", "c1"), ("topic", ""), ("partition_id", ""), ("broker_id", "")),
            ThreadMetric("poll-ratio", 0.1),
        ], complete: true);

        var text = await registry.ExportAsync();
        Assert.DoesNotContain("topology_description", text.Text);
        Assert.Empty(text.Matching("streamfinance_streamiz_librdkafka_consumer_consumer_lag"));
        Assert.Equal(0.1, text.Value("streamfinance_streamiz_thread_poll_ratio"));
    }

    [Fact]
    public async Task A_metric_that_changes_its_labels_is_left_out_without_stopping_the_others()
    {
        bridge.Publish("expenses", [ThreadMetric("poll-ratio", 0.1)], complete: true);

        bridge.Publish("expenses", [Sample("stream-thread-metrics", "poll-ratio", 0.2, ("other_tag", "x")), ThreadMetric("commit-ratio", 0.3)], complete: true);

        var text = await registry.ExportAsync();
        Assert.Empty(text.Matching("streamfinance_streamiz_thread_poll_ratio"));
        Assert.Equal(0.3, text.Value("streamfinance_streamiz_thread_commit_ratio"));
    }

    private static SensorSample ThreadMetric(string name, object value) =>
        Sample("stream-thread-metrics", name, value, ("thread_id", Thread));

    private static SensorSample TaskMetric(string task, double value) =>
        Sample("stream-task-metrics", "active-restoration", value, ("thread_id", Thread), ("task_id", task));

    private static SensorSample Sample(string group, string name, object value, params (string Key, string Value)[] tags) => new(
        group,
        name,
        name == "commit-latency-avg" ? "The average commit latency" : "",
        tags.ToDictionary(t => t.Key, t => (string?)t.Value),
        value);
}
