using Confluent.Kafka;
using StreamFinance.Embedded.Broker;

namespace StreamFinance.Embedded.Tests.Broker;

public sealed class EmbeddedKafkaClusterDisposalTests
{
    [Fact]
    public void Disposing_twice_is_safe()
    {
        var cluster = EmbeddedKafkaCluster.Start(brokers: 3);
        cluster.CreateTopic("ledger", 2);

        cluster.Dispose();
        cluster.Dispose();
    }

    [Fact]
    public async Task Disposing_while_a_client_is_connected_leaves_the_client_failing_not_the_process()
    {
        var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("ledger", 1);
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            MessageTimeoutMs = 2000,
        }).Build();
        await producer.ProduceAsync("ledger", new Message<Null, string> { Value = "before" }, TestContext.Current.CancellationToken);

        cluster.Dispose();

        var error = await Assert.ThrowsAsync<ProduceException<Null, string>>(
            () => producer.ProduceAsync("ledger", new Message<Null, string> { Value = "after" }, TestContext.Current.CancellationToken));
        Assert.Equal(ErrorCode.Local_MsgTimedOut, error.Error.Code);
    }

    [Fact]
    public void A_disposed_cluster_refuses_further_use()
    {
        var cluster = EmbeddedKafkaCluster.Start();
        cluster.Dispose();

        Assert.Throws<ObjectDisposedException>(() => cluster.CreateTopic("ledger", 1));
        Assert.Throws<ObjectDisposedException>(() => cluster.SetBrokerDown(1));
    }
}
