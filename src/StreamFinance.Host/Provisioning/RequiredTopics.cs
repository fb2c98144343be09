using StreamFinance.Contracts.Catalog;
using StreamFinance.Host.Catalog;
using StreamFinance.Host.Configuration;
using StreamFinance.Topologies;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.Internal;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net;
using StreamFinance.Kafka;

namespace StreamFinance.Host.Provisioning;

/// <summary>
/// Every topic StreamFinance needs: the catalog topics that something writes, plus the changelog and repartition topics
/// of each topology, derived from the built topology itself so that a new store or re-key can never be forgotten. A
/// planned catalog topic (nothing writes it yet, see <see cref="TopicUsage"/>) is not needed, so it is not created.
/// </summary>
public static class RequiredTopics
{
    /// <summary>Catalog topics in use first (in catalog order), then each topology's internal topics.</summary>
    /// <param name="streams">Streams settings: the application ids that prefix internal topics.</param>
    /// <param name="topologies">The topologies that will run.</param>
    /// <param name="serDes">SerDes to build them with.</param>
    /// <param name="usage">Who writes each catalog topic; default <see cref="ProductTopicUsage.ForPipeline"/> of <paramref name="topologies"/>.</param>
    /// <param name="audit">The audit trail's retention, which <c>audit.events</c> is created with; default seven years.</param>
    public static IReadOnlyList<TopicRequirement> For(
        StreamsOptions streams, IEnumerable<IStreamTopology> topologies, SerDesFactory serDes, TopicUsage? usage = null, AuditOptions? audit = null)
    {
        var running = topologies.ToList();
        usage ??= ProductTopicUsage.ForPipeline(running);
        audit ??= new AuditOptions();
        var catalog = Topics.All.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var result = usage.InUse
            .Select(t => new TopicRequirement(t.Name, t.Partitions, t.Name == Topics.AuditEvents.Name ? audit.EventsTopicConfigs() : t.KafkaConfigs(), "catalog"))
            .ToList();
        foreach (var topology in running)
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
