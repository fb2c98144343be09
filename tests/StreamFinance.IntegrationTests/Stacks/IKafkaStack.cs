namespace StreamFinance.IntegrationTests.Stacks;

/// <summary>
/// A running Kafka broker plus Schema Registry that integration scenarios run against: the embedded
/// stack here, real Apache Kafka and Confluent Schema Registry in containers where Docker exists.
/// </summary>
public interface IKafkaStack : IAsyncDisposable
{
    /// <summary>The <c>bootstrap.servers</c> list.</summary>
    string BootstrapServers { get; }

    /// <summary>The Schema Registry base URL.</summary>
    string SchemaRegistryUrl { get; }

    /// <summary>A short name for reports: <c>embedded</c> or <c>containers</c>.</summary>
    string Kind { get; }

    /// <summary>How <c>topics apply</c> creates topics on this stack: the Admin API on real Kafka, the mock API on the embedded broker.</summary>
    StreamFinance.Host.Provisioning.ITopicProvisioner Provisioner { get; }

    /// <summary>Creates the topics (delete cleanup policy, replication factor 1); existing topics with the same partition count are left alone.</summary>
    Task CreateTopicsAsync(IEnumerable<(string name, int partitions)> topics);
}
