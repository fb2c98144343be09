using Confluent.Kafka;
using Confluent.Kafka.Admin;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Networks;
using Testcontainers.Kafka;

namespace StreamFinance.IntegrationTests.Stacks;

/// <summary>
/// Real Apache Kafka (KRaft, <c>apache/kafka:3.9.1</c>) and Confluent Schema Registry
/// (<c>confluentinc/cp-schema-registry:7.9.0</c>) in containers on a private Docker network.
/// </summary>
public sealed class ContainerKafkaStack : IKafkaStack
{
    private const string KafkaImage = "apache/kafka:3.9.1";
    private const string SchemaRegistryImage = "confluentinc/cp-schema-registry:7.9.0";
    private const string KafkaAlias = "kafka";
    private const string InternalListener = KafkaAlias + ":19092";
    private const ushort SchemaRegistryPort = 8081;

    private readonly INetwork network;
    private readonly KafkaContainer kafka;
    private readonly IContainer schemaRegistry;

    private ContainerKafkaStack(INetwork network, KafkaContainer kafka, IContainer schemaRegistry)
    {
        this.network = network;
        this.kafka = kafka;
        this.schemaRegistry = schemaRegistry;
    }

    /// <inheritdoc />
    public string BootstrapServers => kafka.GetBootstrapAddress();

    /// <inheritdoc />
    public string SchemaRegistryUrl => $"http://{schemaRegistry.Hostname}:{schemaRegistry.GetMappedPublicPort(SchemaRegistryPort)}";

    /// <inheritdoc />
    public string Kind => "containers";

    /// <inheritdoc />
    public StreamFinance.Host.Provisioning.ITopicProvisioner Provisioner =>
        new StreamFinance.Host.Provisioning.KafkaAdminProvisioner(new StreamFinance.Kafka.Configuration.KafkaOptions { BootstrapServers = BootstrapServers }, replicationFactor: 1);

    /// <summary>Pulls (if needed) and starts both containers; call only when <see cref="DockerAvailability"/> says Docker answers.</summary>
    public static async Task<ContainerKafkaStack> StartAsync(CancellationToken ct)
    {
        var network = new NetworkBuilder().Build();
        var kafka = new KafkaBuilder(KafkaImage)
            .WithNetwork(network)
            .WithListener(InternalListener) // how the registry reaches the broker inside the network
            .Build();
        var schemaRegistry = new ContainerBuilder(SchemaRegistryImage)
            .WithNetwork(network)
            .WithPortBinding(SchemaRegistryPort, assignRandomHostPort: true)
            .WithEnvironment("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .WithEnvironment("SCHEMA_REGISTRY_LISTENERS", $"http://0.0.0.0:{SchemaRegistryPort}")
            .WithEnvironment("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", $"PLAINTEXT://{InternalListener}")
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(r => r.ForPort(SchemaRegistryPort).ForPath("/subjects")))
            .DependsOn(kafka)
            .Build();

        var stack = new ContainerKafkaStack(network, kafka, schemaRegistry);
        try
        {
            await schemaRegistry.StartAsync(ct); // starts the network and Kafka first
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task CreateTopicsAsync(IEnumerable<(string name, int partitions)> topics)
    {
        var specifications = topics
            .Select(t => new TopicSpecification { Name = t.name, NumPartitions = t.partitions, ReplicationFactor = 1 })
            .ToList();
        if (specifications.Count == 0)
        {
            return;
        }

        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers }).Build();
        try
        {
            await admin.CreateTopicsAsync(specifications);
        }
        catch (CreateTopicsException e) when (e.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
            // Already there from an earlier call: same contract as the embedded stack.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await schemaRegistry.DisposeAsync();
        await kafka.DisposeAsync();
        await network.DisposeAsync();
    }
}
