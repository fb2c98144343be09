using StreamFinance.Kafka.Observability.Kafka;
using StreamFinance.Topologies.Tests.Support;

namespace StreamFinance.Topologies.Tests.Observability;

public sealed class KafkaClientMetricsTests
{
    private readonly TestRegistry registry = new();
    private readonly KafkaClientMetrics metrics;

    public KafkaClientMetricsTests()
    {
        metrics = new KafkaClientMetrics(registry.Factory);
    }

    [Fact]
    public async Task Partitions_no_longer_reported_lose_their_lag_series()
    {
        metrics.Apply(Consumer(new PartitionLag("t", 0, 5), new PartitionLag("t", 1, 6)));

        metrics.Apply(Consumer(new PartitionLag("t", 1, 2)));

        var text = await registry.ExportAsync();
        Assert.Null(text.Value("streamfinance_kafka_consumer_lag", ("partition", "0")));
        Assert.Equal(2, text.Value("streamfinance_kafka_consumer_lag", ("partition", "1")));
    }

    [Fact]
    public async Task Request_errors_follow_librdkafka_counts_and_restart_when_a_new_client_takes_the_id()
    {
        metrics.Apply(Producer(errors: 5));
        metrics.Apply(Producer(errors: 7));
        var grown = await registry.ExportAsync();

        metrics.Apply(Producer(errors: 1));
        var restarted = await registry.ExportAsync();

        Assert.Equal(7, grown.Value("streamfinance_kafka_request_errors_total", ("client", "p"), ("broker", "1")));
        Assert.Equal(1, restarted.Value("streamfinance_kafka_request_errors_total", ("client", "p"), ("broker", "1")));
    }

    [Fact]
    public async Task Request_retries_are_published_per_broker_and_coordinator()
    {
        metrics.Apply(new KafkaClientSnapshot("c", [], null, null, [new BrokerRequestCounts("2", 0, 0, 3), new BrokerRequestCounts("group-coordinator", 1, 0, 4)]));

        var text = await registry.ExportAsync();
        Assert.Equal(3, text.Value("streamfinance_kafka_request_retries_total", ("client", "c"), ("broker", "2")));
        Assert.Equal(4, text.Value("streamfinance_kafka_request_retries_total", ("client", "c"), ("broker", "group-coordinator")));
        Assert.Equal(1, text.Value("streamfinance_kafka_request_errors_total", ("client", "c"), ("broker", "group-coordinator")));
    }

    [Fact]
    public async Task Transient_fetch_errors_are_counted_per_client_and_code_and_go_with_the_client()
    {
        metrics.CountTransientFetchError("c", Confluent.Kafka.ErrorCode.RequestTimedOut);
        metrics.CountTransientFetchError("c", Confluent.Kafka.ErrorCode.RequestTimedOut);
        metrics.Apply(Consumer(new PartitionLag("t", 0, 5)));
        var counted = await registry.ExportAsync();

        metrics.Forget("c");

        Assert.Equal(2, counted.Value("streamfinance_kafka_transient_fetch_errors_total", ("client", "c"), ("error", "RequestTimedOut")));
        Assert.Empty((await registry.ExportAsync()).Matching("streamfinance_kafka_transient_fetch_errors_total"));
    }

    [Fact]
    public async Task Bootstrap_connections_are_left_out()
    {
        metrics.Apply(new KafkaClientSnapshot("p", [], 0, 0, [new BrokerRequestCounts("-1", 3, 0)]));

        Assert.Empty((await registry.ExportAsync()).Matching("streamfinance_kafka_request_errors_total"));
    }

    [Fact]
    public async Task A_forgotten_client_has_no_series_left()
    {
        metrics.Apply(Producer(errors: 5));
        metrics.Apply(Consumer(new PartitionLag("t", 0, 5)));

        metrics.Forget("p");
        metrics.Forget("c");

        var text = await registry.ExportAsync();
        Assert.Empty(text.Matching("streamfinance_kafka_request_errors_total"));
        Assert.Empty(text.Matching("streamfinance_kafka_producer_queue_messages"));
        Assert.Empty(text.Matching("streamfinance_kafka_consumer_lag"));
    }

    [Fact]
    public async Task The_statistics_handler_publishes_what_librdkafka_reports()
    {
        metrics.StatisticsHandler(LibrdKafkaStatisticsTests.ConsumerJson);

        var text = await registry.ExportAsync();
        Assert.Equal(42, text.Value("streamfinance_kafka_consumer_lag", ("client", "streamfinance-reader"), ("topic", "ingest.expenses"), ("partition", "0")));
    }

    [Fact]
    public async Task The_statistics_handler_skips_a_report_it_cannot_read()
    {
        metrics.StatisticsHandler("not json");

        Assert.DoesNotContain("streamfinance_kafka_", (await registry.ExportAsync()).Text.Split('\n').Where(l => !l.StartsWith('#')));
    }

    private static KafkaClientSnapshot Consumer(params PartitionLag[] lags) => new("c", lags, null, null, []);

    private static KafkaClientSnapshot Producer(long errors) => new("p", [], 10, 100, [new BrokerRequestCounts("1", errors, 0)]);
}
