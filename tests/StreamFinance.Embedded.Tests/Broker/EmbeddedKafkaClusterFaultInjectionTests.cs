using Confluent.Kafka;
using StreamFinance.Embedded.Broker;

namespace StreamFinance.Embedded.Tests.Broker;

public sealed class EmbeddedKafkaClusterFaultInjectionTests : IDisposable
{
    private readonly EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.Start();

    public EmbeddedKafkaClusterFaultInjectionTests() => cluster.CreateTopic("journal", 1);

    public void Dispose() => cluster.Dispose();

    [Fact]
    public async Task A_pushed_produce_error_fails_the_next_produce_and_then_clears()
    {
        using var producer = NewProducer(messageTimeoutMs: 5000);
        await producer.ProduceAsync("journal", new Message<Null, string> { Value = "warm-up" }, TestContext.Current.CancellationToken);

        cluster.PushRequestErrors(KafkaApiKey.Produce, ErrorCode.NotEnoughReplicas);

        var error = await Assert.ThrowsAsync<ProduceException<Null, string>>(
            () => producer.ProduceAsync("journal", new Message<Null, string> { Value = "rejected" }, TestContext.Current.CancellationToken));
        Assert.Equal(ErrorCode.NotEnoughReplicas, error.Error.Code);
        var next = await producer.ProduceAsync("journal", new Message<Null, string> { Value = "accepted" }, TestContext.Current.CancellationToken);
        Assert.Equal(PersistenceStatus.Persisted, next.Status);
    }

    [Fact]
    public async Task Cleared_request_errors_are_not_returned()
    {
        using var producer = NewProducer(messageTimeoutMs: 5000);
        cluster.PushRequestErrors(KafkaApiKey.Produce, ErrorCode.NotEnoughReplicas, ErrorCode.NotEnoughReplicas);

        cluster.ClearRequestErrors(KafkaApiKey.Produce);

        var result = await producer.ProduceAsync("journal", new Message<Null, string> { Value = "accepted" }, TestContext.Current.CancellationToken);
        Assert.Equal(PersistenceStatus.Persisted, result.Status);
    }

    [Fact]
    public async Task A_broker_that_is_down_times_out_produces_until_it_is_up_again()
    {
        using var producer = NewProducer(messageTimeoutMs: 1500);
        await producer.ProduceAsync("journal", new Message<Null, string> { Value = "warm-up" }, TestContext.Current.CancellationToken);

        cluster.SetBrokerDown(1);
        var error = await Assert.ThrowsAsync<ProduceException<Null, string>>(
            () => producer.ProduceAsync("journal", new Message<Null, string> { Value = "lost" }, TestContext.Current.CancellationToken));
        Assert.Equal(ErrorCode.Local_MsgTimedOut, error.Error.Code);

        cluster.SetBrokerUp(1);
        using var fresh = NewProducer(messageTimeoutMs: 10000);
        var result = await fresh.ProduceAsync("journal", new Message<Null, string> { Value = "back" }, TestContext.Current.CancellationToken);
        Assert.Equal(PersistenceStatus.Persisted, result.Status);
    }

    [Fact]
    public void Broker_ids_outside_the_cluster_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => cluster.SetBrokerDown(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => cluster.SetBrokerUp(0));
    }

    private IProducer<Null, string> NewProducer(int messageTimeoutMs) =>
        new ProducerBuilder<Null, string>(new ProducerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            MessageTimeoutMs = messageTimeoutMs,
            RetryBackoffMs = 100,
            // No retries, so an injected retriable error reaches the caller instead of being retried away.
            MessageSendMaxRetries = 0,
        }).Build();
}
