using Streamiz.Kafka.Net.Stream;

namespace StreamFinance.Kafka.Docs;

/// <summary>
/// Orders the nodes of a sub-topology the way the flow reads: sources first, each node after all of its
/// predecessors, ties broken by name, so the same topology always renders the same text.
/// </summary>
internal static class NodeOrder
{
    /// <summary>The nodes of one sub-topology, converted and ordered; successors follow the same order.</summary>
    public static IReadOnlyList<TopologyNode> Of(IEnumerable<INodeDescription> nodes)
    {
        var ordered = Sort(nodes.ToList());
        var position = ordered.Select((node, index) => (node.Name, index)).ToDictionary(p => p.Name, p => p.index, StringComparer.Ordinal);
        return ordered.Select(node => Convert(node, position)).ToList();
    }

    /// <summary>Converts one node whose successors are ordered by <paramref name="position"/> (unknown successors last, by name).</summary>
    public static TopologyNode Convert(INodeDescription node, IReadOnlyDictionary<string, int> position)
    {
        var next = node.Next
            .Select(n => n.Name)
            .OrderBy(name => position.GetValueOrDefault(name, int.MaxValue))
            .ThenBy(name => name, StringComparer.Ordinal)
            .ToList();
        return node switch
        {
            ISourceNodeDescription source => new TopologyNode(source.Name, NodeKind.Source, source.Topics.ToList(), [], next),
            ISinkNodeDescription sink => new TopologyNode(sink.Name, NodeKind.Sink, sink.Topic is null ? [] : [sink.Topic], [], next),
            IProcessorNodeDescription processor => new TopologyNode(processor.Name, NodeKind.Processor, [], (processor.Stores ?? []).ToList(), next),
            _ => throw new NotSupportedException(
                $"Topology node '{node.Name}' is a {node.GetType().Name}, which the docs generator does not know; " +
                "teach StreamFinance.Kafka.Docs.NodeOrder this kind of node."),
        };
    }

    // Kahn's algorithm over the predecessors inside the sub-topology, smallest name first among the ready nodes.
    private static List<INodeDescription> Sort(List<INodeDescription> nodes)
    {
        var byName = nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
        var waitingOn = nodes.ToDictionary(n => n.Name, n => n.Previous.Count(p => byName.ContainsKey(p.Name)), StringComparer.Ordinal);
        var ready = new SortedSet<string>(waitingOn.Where(w => w.Value == 0).Select(w => w.Key), StringComparer.Ordinal);
        var ordered = new List<INodeDescription>(nodes.Count);
        while (ready.Count > 0)
        {
            var name = ready.Min!;
            ready.Remove(name);
            ordered.Add(byName[name]);
            foreach (var next in byName[name].Next.Where(n => byName.ContainsKey(n.Name)))
            {
                if (--waitingOn[next.Name] == 0)
                {
                    ready.Add(next.Name);
                }
            }
        }

        // A cycle cannot occur in a Streamiz sub-topology; should one appear, its nodes still render, by name.
        // (Streamiz's node descriptions never compare equal, so membership goes by name.)
        var placed = ordered.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        ordered.AddRange(nodes.Where(n => !placed.Contains(n.Name)).OrderBy(n => n.Name, StringComparer.Ordinal));
        return ordered;
    }
}
