namespace StreamFinance.Kafka.Docs;

/// <summary>A sub-topology: nodes connected to each other, run as one task per partition.</summary>
/// <param name="Id">Streamiz's sub-topology id.</param>
/// <param name="Nodes">Its nodes, sources first, each after all of its predecessors; ties in name order.</param>
internal sealed record SubTopologyNodes(int Id, IReadOnlyList<TopologyNode> Nodes);
