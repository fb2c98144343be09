using Confluent.Kafka;
using StreamFinance.Embedded.Broker;

namespace StreamFinance.Embedded.Tests.Broker;

public sealed class EmbeddedKafkaClusterTopicTests : IDisposable
{
    private readonly EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.Start(brokers: 3);

    public void Dispose() => cluster.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void Topic_created_with_n_partitions_shows_n_partitions_in_metadata(int partitions)
    {
        cluster.CreateTopic("expenses", partitions, replicationFactor: 3);

        var topic = DescribeTopic("expenses");

        Assert.Equal(partitions, topic.Partitions.Count);
        Assert.All(topic.Partitions, p => Assert.Equal(3, p.Replicas.Length));
        Assert.Equal(partitions, cluster.Topics["expenses"]);
    }

    [Fact]
    public void Creating_a_topic_again_with_the_same_partition_count_changes_nothing()
    {
        cluster.CreateTopic("expenses", 4);
        cluster.CreateTopic("expenses", 4);

        Assert.Equal(4, DescribeTopic("expenses").Partitions.Count);
        Assert.Equal(new Dictionary<string, int> { ["expenses"] = 4 }, cluster.Topics);
    }

    [Fact]
    public void Creating_a_topic_again_with_another_partition_count_throws_naming_both_counts()
    {
        cluster.CreateTopic("expenses", 4);

        var error = Assert.Throws<InvalidOperationException>(() => cluster.CreateTopic("expenses", 2));

        Assert.Contains("'expenses' already exists with 4 partition(s)", error.Message);
        Assert.Contains("with 2", error.Message);
        Assert.Equal(4, cluster.Topics["expenses"]);
    }

    [Fact]
    public async Task A_topic_a_client_auto_created_is_checked_against_its_real_partition_count()
    {
        // A producer's Metadata request auto-creates unknown topics with the mock's default of 4 partitions.
        using (var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build())
        {
            await producer.ProduceAsync("auto-created", new Message<Null, string> { Value = "x" }, TestContext.Current.CancellationToken);
        }

        Assert.Throws<InvalidOperationException>(() => cluster.CreateTopic("auto-created", 2));
        cluster.CreateTopic("auto-created", 4);
        Assert.Equal(4, cluster.Topics["auto-created"]);
    }

    [Fact]
    public void Replication_factor_above_the_broker_count_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => cluster.CreateTopic("expenses", 1, replicationFactor: 4));
        Assert.Empty(cluster.Topics);
    }

    private TopicMetadata DescribeTopic(string name)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build();
        return admin.GetMetadata(name, TimeSpan.FromSeconds(10)).Topics.Single(t => t.Topic == name);
    }
}
