using Confluent.Kafka;
using StreamFinance.Embedded.Broker;

namespace StreamFinance.Embedded.Tests.Broker;

public sealed class EmbeddedKafkaClusterStartTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Cluster_started_with_n_brokers_advertises_n_brokers_in_metadata(int brokers)
    {
        using var cluster = EmbeddedKafkaCluster.Start(brokers);
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build();

        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));

        Assert.Equal(brokers, cluster.BrokerCount);
        Assert.Equal(brokers, cluster.BootstrapServers.Split(',').Length);
        Assert.Equal(Enumerable.Range(1, brokers), metadata.Brokers.Select(b => b.BrokerId).Order());
        Assert.All(metadata.Brokers, b => Assert.Equal("127.0.0.1", b.Host));
    }

    [Fact]
    public void Two_clusters_listen_on_different_ephemeral_ports()
    {
        using var first = EmbeddedKafkaCluster.Start();
        using var second = EmbeddedKafkaCluster.Start();

        Assert.NotEqual(first.BootstrapServers, second.BootstrapServers);
    }

    [Fact]
    public void The_mock_cluster_shares_the_librdkafka_file_confluent_kafka_loaded()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Which native files are mapped is only visible on Linux (/proc/self/maps).");
        using var cluster = EmbeddedKafkaCluster.Start();
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build();

        var mapped = File.ReadLines("/proc/self/maps")
            .Select(line => line.IndexOf('/') is var slash and >= 0 ? line[slash..].Trim() : "")
            .Where(path => Path.GetFileName(path).Contains("librdkafka", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.Single(mapped);
    }
}
