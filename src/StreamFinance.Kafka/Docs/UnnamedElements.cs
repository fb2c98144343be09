namespace StreamFinance.Kafka.Docs;

/// <summary>
/// Finds the elements of a topology that carry generated names although the topology could have named them.
/// Generated names shift when an operator is added upstream, which renames stores, changelogs and repartition
/// topics (orphaning their state) and breaks metrics and logs that refer to them.
/// </summary>
/// <remarks>
/// Not listed: the plumbing Streamiz adds around a repartition topic (the sink writing it, the source reading it
/// back and the null-key filter before the sink), whose names no Streamiz API sets; the repartition topic itself
/// carries the name the topology gave.
/// </remarks>
internal static class UnnamedElements
{
    private const string GeneratedFilterPrefix = "KSTREAM-FILTER-";

    /// <summary>The unnamed elements, in diagram order: sub-topologies, then global tables; each store once.</summary>
    public static IReadOnlyList<UnnamedElement> Of(
        IReadOnlyList<SubTopologyNodes> subTopologies, IReadOnlyList<GlobalTableDoc> globalTables, IReadOnlySet<string> repartitionNames)
    {
        var unnamed = new List<UnnamedElement>();
        var storesSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sub in subTopologies)
        {
            var byName = sub.Nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
            foreach (var node in sub.Nodes.Where(n => n.IsUnnamed && !IsRepartitionPlumbing(n, byName, repartitionNames)))
            {
                unnamed.Add(new UnnamedElement(node.Name, GeneratedNames.Readable(node.Name), $"{What(node)} in sub-topology {sub.Id}"));
            }

            foreach (var store in sub.Nodes.SelectMany(n => n.Stores).Where(s => GeneratedNames.IsGenerated(s) && storesSeen.Add(s)))
            {
                unnamed.Add(new UnnamedElement(store, GeneratedNames.Readable(store), $"state store in sub-topology {sub.Id}"));
            }
        }

        foreach (var global in globalTables)
        {
            var where = $"of the global table on `{global.Topic.Name}`";
            if (global.Source.IsUnnamed) unnamed.Add(new UnnamedElement(global.Source.Name, GeneratedNames.Readable(global.Source.Name), $"source {where}"));
            if (global.Processor.IsUnnamed) unnamed.Add(new UnnamedElement(global.Processor.Name, GeneratedNames.Readable(global.Processor.Name), $"processor {where}"));
            if (GeneratedNames.IsGenerated(global.Store)) unnamed.Add(new UnnamedElement(global.Store, GeneratedNames.Readable(global.Store), $"store {where}"));
        }

        return unnamed;
    }

    private static string What(TopologyNode node) => node.Kind switch
    {
        NodeKind.Source => $"source of `{string.Join("`, `", node.Topics)}`",
        NodeKind.Sink when node.HasDynamicTopic => "sink to a topic chosen per record",
        NodeKind.Sink => $"sink to `{node.Topics[0]}`",
        _ => "processor",
    };

    private static bool IsRepartitionPlumbing(TopologyNode node, Dictionary<string, TopologyNode> byName, IReadOnlySet<string> repartitionNames) => node.Kind switch
    {
        NodeKind.Source or NodeKind.Sink => node.Topics.Count > 0 && node.Topics.All(repartitionNames.Contains),
        _ => node.Name.StartsWith(GeneratedFilterPrefix, StringComparison.Ordinal)
             && node.Stores.Count == 0
             && node.Next.Count > 0
             && node.Next.All(next => byName.TryGetValue(next, out var sink) && sink.Kind == NodeKind.Sink && IsRepartitionPlumbing(sink, byName, repartitionNames)),
    };
}
