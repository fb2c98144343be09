using Microsoft.Extensions.Time.Testing;
using StreamFinance.Kafka.Hosting.Health;
using StreamFinance.Kafka.Observability.Kafka;
using StreamFinance.Topologies.Tests.Observability;
using StreamFinance.Topologies.Tests.Support;

namespace StreamFinance.Topologies.Tests.Hosting.Health;

public sealed class StreamClientHealthTests
{
    private readonly TestRegistry registry = new();

    [Fact]
    public async Task A_stream_clients_statistics_become_its_kafka_client_metrics_until_the_stream_is_disposed()
    {
        var health = new StreamClientHealth(new FakeTimeProvider(), TimeSpan.FromSeconds(30), new KafkaClientMetrics(registry.Factory));

        health.OnStatistics("streamfinance-reader#consumer-1", LibrdKafkaStatisticsTests.ConsumerJson);
        var running = await registry.ExportAsync();
        health.Dispose();
        var disposed = await registry.ExportAsync();

        Assert.Equal(42, running.Value("streamfinance_kafka_consumer_lag", ("client", "streamfinance-reader"), ("partition", "0")));
        Assert.Equal(2, running.Value("streamfinance_kafka_request_retries_total", ("client", "streamfinance-reader"), ("broker", "group-coordinator")));
        Assert.Empty(disposed.Matching("streamfinance_kafka_consumer_lag"));
        Assert.Empty(disposed.Matching("streamfinance_kafka_request_retries_total"));
    }
}
