namespace StreamFinance.Kafka.Internal;

/// <summary>
/// Resolves partition counts the way Kafka Streams does: external topics from the caller, managed
/// (repartition) topics from their fixed count or else from the largest source of the sub-topologies
/// writing to them, recursively. In a cycle of repartition topics (A's writers read B, B's writers read A), a topic
/// still being resolved counts as unknown and the other sources decide, as in Kafka Streams.
/// </summary>
internal sealed class PartitionCounts(
    IReadOnlyList<SubTopologyTopics> subTopologies,
    IReadOnlyDictionary<string, int?> managedTopics,
    Func<string, int> sourcePartitions)
{
    private readonly Dictionary<string, int> resolved = new(StringComparer.Ordinal);
    private readonly HashSet<string> resolving = new(StringComparer.Ordinal);

    /// <summary>The partition count of a sub-topology's tasks: the largest among its source topics.</summary>
    public int OfSubTopology(SubTopologyTopics subTopology) =>
        subTopology.Sources.Count == 0
            ? throw new InvalidOperationException($"Sub-topology {subTopology.Id} has no source topic, so its state stores have no partition count.")
            : subTopology.Sources.Max(Of);

    /// <summary>The partition count of a writing sub-topology's tasks, skipping sources that are being resolved (a cycle); null when none is left.</summary>
    private int? OfWriter(SubTopologyTopics subTopology)
    {
        var known = subTopology.Sources.Where(s => !resolving.Contains(s)).ToList();
        return known.Count == 0 ? null : known.Max(Of);
    }

    /// <summary>The partition count of <paramref name="topic"/> (an undecorated name).</summary>
    public int Of(string topic)
    {
        if (resolved.TryGetValue(topic, out var known))
        {
            return known;
        }

        var count = managedTopics.TryGetValue(topic, out var fixedCount) ? fixedCount ?? FromWriters(topic) : FromCaller(topic);
        resolved[topic] = count;
        return count;
    }

    private int FromWriters(string topic)
    {
        if (!resolving.Add(topic))
        {
            throw new InvalidOperationException($"Repartition topic '{topic}' feeds itself; its partition count cannot be derived. Fix it with Repartitioned.WithNumberOfPartitions.");
        }

        var writers = subTopologies.Where(s => s.Sinks.Contains(topic)).ToList();
        if (writers.Count == 0)
        {
            throw new InvalidOperationException($"No sub-topology writes to repartition topic '{topic}', so its partition count cannot be derived.");
        }

        var count = writers.Select(OfWriter).Max();
        resolving.Remove(topic);
        return count ?? throw new InvalidOperationException($"Repartition topic '{topic}' feeds itself; its partition count cannot be derived. Fix it with Repartitioned.WithNumberOfPartitions.");
    }

    private int FromCaller(string topic)
    {
        var count = sourcePartitions(topic);
        return count >= 1
            ? count
            : throw new InvalidOperationException($"Source topic '{topic}' was given {count} partitions; create it (with at least 1 partition) and report its real count.");
    }
}
