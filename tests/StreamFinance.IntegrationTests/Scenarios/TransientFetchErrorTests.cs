using Confluent.Kafka;
using StreamFinance.Embedded.Broker;
using StreamFinance.Kafka.Hosting.Clients;

namespace StreamFinance.IntegrationTests.Scenarios;

/// <summary>
/// The consumers Streamiz polls (<see cref="DelegatingConsumer"/>: stream threads', restore and global consumers) on a
/// broker that answers fetches with transient errors: Streamiz ends the polling thread on any exception, and its global
/// thread took the whole process down on one <c>REQUEST_TIMED_OUT</c>, so such a poll returns no record, says so, and the
/// next polls read on.
/// </summary>
public sealed class TransientFetchErrorTests : IDisposable
{
    private readonly EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.Start();

    public void Dispose() => cluster.Dispose();

    [Fact]
    public async Task A_poll_that_meets_a_transient_fetch_error_returns_no_record_reports_it_and_the_next_polls_read_on()
    {
        cluster.CreateTopic("flaky-global", 1);
        using (var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build())
        {
            foreach (var value in new[] { "1", "2", "3" })
                await producer.ProduceAsync("flaky-global", new Message<byte[], byte[]> { Value = System.Text.Encoding.UTF8.GetBytes(value) }, TestContext.Current.CancellationToken);
        }
        var config = new ConsumerConfig { BootstrapServers = cluster.BootstrapServers, GroupId = "flaky-global-reader", EnableAutoCommit = false };
        var reported = new List<ErrorCode>();
        using var consumer = new ReadableEndConsumer(new ConsumerBuilder<byte[], byte[]>(config).Build(), config, error => reported.Add(error.Code));
        cluster.PushRequestErrors(KafkaApiKey.Fetch, ErrorCode.RequestTimedOut, ErrorCode.RequestTimedOut);
        consumer.Assign(new TopicPartitionOffset("flaky-global", 0, Offset.Beginning));

        var values = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (values.Count < 3 && DateTime.UtcNow < deadline)
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } record)
                values.Add(System.Text.Encoding.UTF8.GetString(record.Message.Value));

        Assert.Equal(["1", "2", "3"], values);
        Assert.Contains(ErrorCode.RequestTimedOut, reported);
    }

    [Fact]
    public async Task An_error_that_is_not_transient_still_reaches_the_caller()
    {
        cluster.CreateTopic("forbidden", 1);
        using (var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build())
            await producer.ProduceAsync("forbidden", new Message<byte[], byte[]> { Value = [1] }, TestContext.Current.CancellationToken);
        var config = new ConsumerConfig { BootstrapServers = cluster.BootstrapServers, GroupId = "forbidden-reader", EnableAutoCommit = false };
        var reported = new List<ErrorCode>();
        using var consumer = new ReadableEndConsumer(new ConsumerBuilder<byte[], byte[]>(config).Build(), config, error => reported.Add(error.Code));
        cluster.PushRequestErrors(KafkaApiKey.Fetch, ErrorCode.TopicAuthorizationFailed);
        consumer.Assign(new TopicPartitionOffset("forbidden", 0, Offset.Beginning));

        var error = Assert.Throws<ConsumeException>(() =>
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (DateTime.UtcNow < deadline)
                consumer.Consume(TimeSpan.FromMilliseconds(200));
        });

        Assert.Equal(ErrorCode.TopicAuthorizationFailed, error.Error.Code);
        Assert.Empty(reported);
    }
}
