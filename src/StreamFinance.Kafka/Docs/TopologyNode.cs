namespace StreamFinance.Kafka.Docs;

/// <summary>One node of a described topology, in the terms the docs need.</summary>
/// <param name="Name">Its Streamiz name: the name the topology gave it, or a generated one.</param>
/// <param name="Kind">Source, processor or sink.</param>
/// <param name="Topics">Topics a source reads or the topic a sink writes (undecorated, as in the description); empty for processors and for sinks whose topic is chosen per record.</param>
/// <param name="Stores">State stores a processor uses.</param>
/// <param name="Next">Names of its successors within its sub-topology, in the order of the sub-topology.</param>
internal sealed record TopologyNode(string Name, NodeKind Kind, IReadOnlyList<string> Topics, IReadOnlyList<string> Stores, IReadOnlyList<string> Next)
{
    /// <summary>True for a sink whose topic is chosen per record by a topic-name extractor.</summary>
    public bool HasDynamicTopic => Kind == NodeKind.Sink && Topics.Count == 0;

    /// <summary>True when Streamiz generated its name.</summary>
    public bool IsUnnamed => GeneratedNames.IsGenerated(Name);
}
