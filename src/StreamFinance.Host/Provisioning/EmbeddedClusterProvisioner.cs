using StreamFinance.Embedded.Broker;

namespace StreamFinance.Host.Provisioning;

/// <summary>
/// Creates topics on the embedded broker through librdkafka's mock API, the only way that works there: the mock
/// cannot create topics through the Admin API, and a Metadata request would auto-create them with 4 partitions.
/// The mock keeps no topic configs (no compaction, no retention), so only partition counts are checked.
/// </summary>
public sealed class EmbeddedClusterProvisioner(EmbeddedKafkaCluster cluster) : ITopicProvisioner
{
    /// <inheritdoc />
    public string Target => $"embedded broker at {cluster.BootstrapServers}";

    /// <inheritdoc />
    public Task<IReadOnlyList<ProvisionOutcome>> ApplyAsync(IReadOnlyList<TopicRequirement> topics, CancellationToken ct)
    {
        var outcomes = new List<ProvisionOutcome>(topics.Count);
        foreach (var topic in topics)
        {
            ct.ThrowIfCancellationRequested();
            if (cluster.Topics.TryGetValue(topic.Name, out var partitions))
            {
                outcomes.Add(partitions == topic.Partitions
                    ? new ProvisionOutcome(topic, ProvisionAction.Unchanged)
                    : new ProvisionOutcome(topic, ProvisionAction.Mismatch, $"partitions: want {topic.Partitions}, found {partitions}"));
                continue;
            }
            cluster.CreateTopic(topic.Name, topic.Partitions);
            outcomes.Add(new ProvisionOutcome(topic, ProvisionAction.Created, $"partitions={topic.Partitions} (the embedded broker keeps no topic configs)"));
        }
        return Task.FromResult<IReadOnlyList<ProvisionOutcome>>(outcomes);
    }
}
