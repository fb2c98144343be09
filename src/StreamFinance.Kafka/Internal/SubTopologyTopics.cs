using Streamiz.Kafka.Net.Stream;

namespace StreamFinance.Kafka.Internal;

/// <summary>What one sub-topology reads, writes and stores, by the undecorated names of its description.</summary>
internal sealed record SubTopologyTopics(int Id, IReadOnlyList<string> Sources, IReadOnlyList<string> Sinks, IReadOnlyList<string> Stores)
{
    /// <summary>Collects the topics and stores of a described sub-topology.</summary>
    public static SubTopologyTopics From(ISubTopologyDescription description)
    {
        var nodes = description.Nodes.ToList();
        return new SubTopologyTopics(
            description.Id,
            nodes.OfType<ISourceNodeDescription>().SelectMany(n => n.Topics).Distinct().ToList(),
            // A sink with a topic-name extractor has no fixed topic; it writes to external topics only.
            nodes.OfType<ISinkNodeDescription>().Select(n => n.Topic).OfType<string>().Distinct().ToList(),
            nodes.OfType<IProcessorNodeDescription>().SelectMany(n => n.Stores).Distinct().ToList());
    }
}
