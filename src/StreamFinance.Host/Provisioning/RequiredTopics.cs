using StreamFinance.Contracts.Catalog;
using StreamFinance.Topologies;
using StreamFinance.Topologies.Configuration;
using StreamFinance.Topologies.Internal;
using StreamFinance.Topologies.SerDes;
using Streamiz.Kafka.Net;

namespace StreamFinance.Host.Provisioning;

/// <summary>
/// Every topic StreamFinance needs: the catalog's, plus the changelog and repartition topics of each topology,
/// derived from the built topology itself so that a new store or re-key can never be forgotten.
/// </summary>
public static class RequiredTopics
{
    /// <summary>Catalog topics first, then each topology's internal topics.</summary>
    public static IReadOnlyList<TopicRequirement> For(StreamsOptions streams, IEnumerable<IStreamTopology> topologies, SerDesFactory serDes)
    {
        var catalog = Topics.All.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var result = catalog.Values.Select(t => new TopicRequirement(t.Name, t.Partitions, t.KafkaConfigs(), "catalog")).ToList();
        foreach (var topology in topologies)
            result.AddRange(InternalTopicsOf(topology, streams, serDes, catalog));
        return result;
    }

    /// <summary>The changelog and repartition topics of one topology.</summary>
    public static IEnumerable<TopicRequirement> InternalTopicsOf(
        IStreamTopology topology, StreamsOptions streams, SerDesFactory serDes, IReadOnlyDictionary<string, TopicSpec> catalog)
    {
        var builder = new StreamBuilder();
        topology.Build(builder, new TopologyContext(serDes));
        var internals = InternalTopics.For(builder.Build(), streams.ApplicationIdFor(topology.Name), source =>
            catalog.TryGetValue(source, out var spec)
                ? spec.Partitions
                : throw new InvalidOperationException($"Topology '{topology.Name}' reads '{source}', which is not in the topic catalog."));
        return internals.Select(i => new TopicRequirement(
            i.Name,
            i.Partitions,
            new Dictionary<string, string> { ["cleanup.policy"] = i.Compacted ? "compact" : "delete" },
            $"internal: {topology.Name} {i.Kind}"));
    }
}
