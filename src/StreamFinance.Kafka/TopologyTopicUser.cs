using StreamFinance.Contracts.Catalog;

namespace StreamFinance.Kafka;

/// <summary>
/// A topology as a <see cref="TopicUser"/>: it reads its <see cref="IStreamTopology.Inputs"/> and writes its
/// <see cref="IStreamTopology.Outputs"/>, its <see cref="IStreamTopology.DeadLetterTopic"/> (which the Streamiz
/// exception handlers write even when no sink does) and <c>audit.emitted</c> (where each of those dead letters is
/// recorded by the dead-letter publisher). The declaration is checked against the built topology by
/// <see cref="Docs.DeclaredTopics.Check"/>, so what this says is what the topology does.
/// </summary>
public static class TopologyTopicUser
{
    /// <summary>The user "&lt;name&gt; topology".</summary>
    public static TopicUser Of(IStreamTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        return new TopicUser(
            TopicUserKind.Topology,
            $"{topology.Name} topology",
            topology.Inputs,
            topology.Outputs.Append(topology.DeadLetterTopic).Append(Topics.AuditEmitted).DistinctBy(t => t.Name).ToList());
    }
}
