using Streamiz.Kafka.Net.Stream;

namespace StreamFinance.Kafka.Internal;

/// <summary>
/// Derives the changelog and repartition topics a Streamiz topology needs, as Streamiz would create
/// them, so they can be created up front where the broker cannot create them (the embedded mock
/// cluster) or where topics are provisioned by operations.
/// </summary>
/// <remarks>
/// Partition counts follow Kafka Streams: a repartition topic takes the largest partition count of
/// the source topics of the sub-topologies that write to it (unless the topology fixes it, e.g. with
/// <c>Repartitioned.WithNumberOfPartitions</c>); a changelog takes the largest partition count of its
/// sub-topology's source topics, repartition topics included. GlobalKTables need no internal topic.
/// </remarks>
public static class InternalTopics
{
    /// <summary>The internal topics of <paramref name="topology"/>, ordered by name.</summary>
    /// <param name="topology">A topology from <c>StreamBuilder.Build()</c>.</param>
    /// <param name="applicationId">The Streamiz <c>ApplicationId</c>, which prefixes every internal topic.</param>
    /// <param name="sourcePartitions">Partition count of each external source topic; only asked about those.</param>
    /// <exception cref="InvalidOperationException">A partition count cannot be determined.</exception>
    public static IReadOnlyList<InternalTopic> For(Topology topology, string applicationId, Func<string, int> sourcePartitions)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        ArgumentNullException.ThrowIfNull(sourcePartitions);

        var internals = StreamizTopologyInternals.Read(topology);
        var subTopologies = topology.Describe().SubTopologies.Select(SubTopologyTopics.From).ToList();
        var counts = new PartitionCounts(subTopologies, internals.ManagedTopics, sourcePartitions);

        var repartitions = internals.ManagedTopics.Keys.Select(topic =>
            new InternalTopic($"{applicationId}-{topic}", counts.Of(topic), Compacted: false, InternalTopic.RepartitionKind));

        var changelogs = subTopologies.SelectMany(sub => sub.Stores
            .Where(store => internals.Stores.TryGetValue(store, out var builder) && builder.LoggingEnabled)
            .Select(store => new InternalTopic(
                $"{applicationId}-{store}-changelog", counts.OfSubTopology(sub), Compacted: true, InternalTopic.ChangelogKind)));

        return repartitions.Concat(changelogs)
            .DistinctBy(t => t.Name)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
    }
}
