using Confluent.Kafka;
using StreamFinance.Embedded.Broker;
using StreamFinance.TestSupport.Waiting;

namespace StreamFinance.Embedded.Tests.Broker;

public sealed class EmbeddedKafkaClusterRoundTripTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Records_from_an_idempotent_acks_all_producer_reach_a_consumer_group_that_resumes_after_its_commit(int brokers)
    {
        using var cluster = EmbeddedKafkaCluster.Start(brokers);
        cluster.CreateTopic("payments", partitions: 3, replicationFactor: brokers);
        var producerConfig = new ProducerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
        };
        using var producer = new ProducerBuilder<string, string>(producerConfig).Build();

        var sent = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            var result = await producer.ProduceAsync("payments", new Message<string, string> { Key = $"k{i}", Value = $"v{i}" }, TestContext.Current.CancellationToken);
            Assert.Equal(PersistenceStatus.Persisted, result.Status);
            sent.Add($"v{i}");
        }

        var firstRead = ConsumeAndCommit(cluster, "payments-readers", expected: 9);
        Assert.Equal(sent.Order(), firstRead.Order());

        await producer.ProduceAsync("payments", new Message<string, string> { Key = "k9", Value = "after-commit" }, TestContext.Current.CancellationToken);

        var secondRead = ConsumeAndCommit(cluster, "payments-readers", expected: 1);
        Assert.Equal(["after-commit"], secondRead);
    }

    private static List<string> ConsumeAndCommit(EmbeddedKafkaCluster cluster, string groupId, int expected)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = groupId,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            // The mock holds a group whose last member left in a rebalance for session.timeout.ms - 1 s
            // before a new member can join; keep that short so the second reader is not kept waiting.
            SessionTimeoutMs = 6000,
        };
        using var consumer = new ConsumerBuilder<string, string>(config).Build();
        consumer.Subscribe("payments");

        var values = new List<string>();
        Wait.UntilNoneMissing($"consumer group '{groupId}' to read {expected} records", Patience,
            () =>
            {
                if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } record)
                {
                    values.Add(record.Message.Value);
                    consumer.Commit(record);
                }

                return values.Count;
            },
            read => read < expected ? $"{expected - read} of {expected} records" : null,
            interval: TimeSpan.Zero);

        // Nothing beyond what was expected arrives.
        Assert.Null(consumer.Consume(TimeSpan.FromMilliseconds(500)));
        consumer.Close();
        return values;
    }
}
