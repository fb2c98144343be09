using StreamFinance.Embedded.Broker;
using StreamFinance.Embedded.SchemaRegistry;

namespace StreamFinance.IntegrationTests.Stacks;

/// <summary>The in-process stack: librdkafka's mock cluster (1 broker) and the embedded Schema Registry.</summary>
public sealed class EmbeddedKafkaStack : IKafkaStack
{
    private readonly EmbeddedKafkaCluster cluster;
    private readonly EmbeddedSchemaRegistry registry;

    private EmbeddedKafkaStack(EmbeddedKafkaCluster cluster, EmbeddedSchemaRegistry registry)
    {
        this.cluster = cluster;
        this.registry = registry;
    }

    /// <inheritdoc />
    public string BootstrapServers => cluster.BootstrapServers;

    /// <inheritdoc />
    public string SchemaRegistryUrl => registry.Url;

    /// <inheritdoc />
    public string Kind => "embedded";

    /// <inheritdoc />
    public StreamFinance.Host.Provisioning.ITopicProvisioner Provisioner => new StreamFinance.Host.Provisioning.EmbeddedClusterProvisioner(cluster);

    /// <summary>Starts the broker and the registry on ephemeral 127.0.0.1 ports.</summary>
    public static async Task<EmbeddedKafkaStack> StartAsync()
    {
        var cluster = EmbeddedKafkaCluster.Start();
        try
        {
            return new EmbeddedKafkaStack(cluster, await EmbeddedSchemaRegistry.StartAsync(0));
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public Task CreateTopicsAsync(IEnumerable<(string name, int partitions)> topics)
    {
        foreach (var (name, partitions) in topics)
        {
            cluster.CreateTopic(name, partitions);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await registry.DisposeAsync();
        cluster.Dispose();
    }
}
