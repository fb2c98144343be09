using Microsoft.Extensions.Time.Testing;
using StreamFinance.Kafka.Observability;
using StreamFinance.Topologies.Tests.Support;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Mock;
using Streamiz.Kafka.Net.SerDes;

namespace StreamFinance.Topologies.Tests.Observability;

public sealed class StreamMetricsExtensionsTests
{
    private const string Input = "expenses-in";
    private const string Output = "expenses-out";

    [Fact]
    public async Task Every_record_read_and_every_record_written_is_counted_per_topic()
    {
        var registry = new TestRegistry();
        var metrics = new PipelineMetrics(registry.Factory).For("expense-filter");
        using var driver = Driver(metrics);
        var input = driver.CreateInputTopic<string, string>(Input);
        var output = driver.CreateOutputTopic<string, string>(Output);

        input.PipeInput("e1", "keep");
        input.PipeInput("e2", "drop");
        input.PipeInput("e3", "keep");

        Assert.Equal(2, output.ReadKeyValueList().Count());
        var text = await registry.ExportAsync();
        Assert.Equal(3, text.Value("streamfinance_records_consumed_total", ("topology", "expense-filter"), ("topic", Input)));
        Assert.Equal(2, text.Value("streamfinance_records_produced_total", ("topology", "expense-filter"), ("topic", Output)));
    }

    [Fact]
    public async Task Latency_runs_from_the_source_record_timestamp_to_the_sink()
    {
        var registry = new TestRegistry();
        var metrics = new PipelineMetrics(registry.Factory).For("expense-filter");
        using var driver = Driver(metrics);
        var input = driver.CreateInputTopic<string, string>(Input);
        // Half a second past a bucket bound, so that a record processed within the same millisecond is not on the bound.
        var tenSecondsAgo = DateTime.UtcNow.AddSeconds(-10.5);

        input.PipeInput("e1", "keep", tenSecondsAgo);
        input.PipeInput("e2", "keep", tenSecondsAgo);

        var text = await registry.ExportAsync();
        (string, string) topology = ("topology", "expense-filter");
        Assert.Equal(2, text.Value("streamfinance_processing_latency_seconds_count", topology));
        Assert.InRange(text.Value("streamfinance_processing_latency_seconds_sum", topology)!.Value, 21, 26);
        Assert.Equal(0, text.Value("streamfinance_processing_latency_seconds_bucket", topology, ("le", "10")));
        Assert.Equal(2, text.Value("streamfinance_processing_latency_seconds_bucket", topology, ("le", "30")));
    }

    [Fact]
    public void The_counting_steps_are_named_processors_of_the_topology()
    {
        var description = Build(TopologyMetrics.Detached()).Describe().ToString();

        Assert.Contains($"{Input}-consumed-metric", description);
        Assert.Contains($"{Output}-produced-metric", description);
    }

    [Fact]
    public async Task Declared_topics_are_published_at_zero_before_the_first_record()
    {
        var registry = new TestRegistry();

        new PipelineMetrics(registry.Factory).For("idle").Initialize([Input], [Output]);

        var text = await registry.ExportAsync();
        Assert.Equal(0, text.Value("streamfinance_records_consumed_total", ("topology", "idle"), ("topic", Input)));
        Assert.Equal(0, text.Value("streamfinance_records_produced_total", ("topology", "idle"), ("topic", Output)));
    }

    [Fact]
    public async Task A_record_without_timestamp_is_counted_but_not_timed_and_one_from_the_future_takes_no_time()
    {
        var registry = new TestRegistry();
        var metrics = new PipelineMetrics(registry.Factory).For("clocked");
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_000_000));

        metrics.RecordProduced(Output, 0, clock);
        metrics.RecordProduced(Output, 1_000_500, clock);
        metrics.RecordProduced(Output, 997_500, clock);

        var text = await registry.ExportAsync();
        Assert.Equal(3, text.Value("streamfinance_records_produced_total", ("topology", "clocked"), ("topic", Output)));
        Assert.Equal(2, text.Value("streamfinance_processing_latency_seconds_count", ("topology", "clocked")));
        Assert.Equal(2.5, text.Value("streamfinance_processing_latency_seconds_sum", ("topology", "clocked")));
    }

    private static Streamiz.Kafka.Net.Stream.Topology Build(TopologyMetrics metrics)
    {
        var builder = new StreamBuilder();
        builder.Stream<string, string>(Input)
            .CountConsumed(metrics, Input)
            .Filter((_, value, _) => value == "keep", "keep-only")
            .CountProduced(metrics, Output)
            .To(Output);
        return builder.Build();
    }

    private static TopologyTestDriver Driver(TopologyMetrics metrics) =>
        new(Build(metrics), new StreamConfig<StringSerDes, StringSerDes> { ApplicationId = "metrics-test" });
}
