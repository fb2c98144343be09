using StreamFinance.Contracts.Catalog;
using StreamFinance.Kafka.Internal;
using Streamiz.Kafka.Net.Stream;

namespace StreamFinance.Kafka.Docs;

/// <summary>
/// Reads a built Streamiz topology (<see cref="Topology.Describe"/> plus the internal topics derived by
/// <see cref="InternalTopics"/>) into the <see cref="DescribedTopology"/> its docs page is rendered from.
/// </summary>
internal static class TopologyDescriber
{
    /// <summary>Describes <paramref name="built"/>, the result of <paramref name="topology"/>'s <see cref="IStreamTopology.Build"/>.</summary>
    /// <exception cref="InvalidOperationException">It reads or writes a topic that is not in the catalog.</exception>
    public static DescribedTopology Describe(IStreamTopology topology, Topology built, string applicationId)
    {
        var description = built.Describe();
        var repartitionNames = StreamizTopologyInternals.Read(built).ManagedTopics.Keys.ToHashSet(StringComparer.Ordinal);
        var subTopologies = description.SubTopologies.OrderBy(s => s.Id).Select(s => new SubTopologyNodes(s.Id, NodeOrder.Of(s.Nodes))).ToList();
        var subNodes = subTopologies.SelectMany(s => s.Nodes.Select(node => (s.Id, Node: node))).ToList();

        var inputs = External(topology, "reads", subNodes.Where(n => n.Node.Kind == NodeKind.Source).SelectMany(n => n.Node.Topics)
            .Concat(description.GlobalStores.SelectMany(g => g.Source.Topics)), repartitionNames);
        var outputs = External(topology, "writes", subNodes.Where(n => n.Node.Kind == NodeKind.Sink).SelectMany(n => n.Node.Topics), repartitionNames);
        var internalTopics = InternalTopics.For(built, applicationId, topic => Topics.ByName(topic).Partitions);
        var globalTables = description.GlobalStores.OrderBy(g => g.Id).Select(GlobalTable).ToList();
        var hasDynamicOutputs = subNodes.Any(n => n.Node.HasDynamicTopic);

        return new DescribedTopology
        {
            Name = topology.Name,
            Description = topology.Description,
            Design = topology.Design,
            ApplicationId = applicationId,
            SubTopologies = subTopologies,
            GlobalTables = globalTables,
            Stores = Stores(subNodes, internalTopics, applicationId),
            Inputs = inputs,
            Outputs = outputs,
            HasDynamicOutputs = hasDynamicOutputs,
            Repartitions = repartitionNames.Order(StringComparer.Ordinal).Select(name => Repartition(name, subNodes, internalTopics, applicationId)).ToList(),
            Unnamed = UnnamedElements.Of(subTopologies, globalTables, repartitionNames),
            DeclarationMismatches = DeclaredTopics.Mismatches(topology, inputs, outputs, hasDynamicOutputs),
        };
    }

    private static List<TopicSpec> External(IStreamTopology topology, string verb, IEnumerable<string> topics, HashSet<string> repartitionNames) =>
        topics.Where(topic => !repartitionNames.Contains(topic))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(topic => Topics.All.FirstOrDefault(spec => spec.Name == topic) ?? throw new InvalidOperationException(
                $"Topology '{topology.Name}' {verb} topic '{topic}', which is not in the topic catalog. " +
                "Declare it in StreamFinance.Contracts.Catalog.Topics and use the catalog field instead of the name."))
            .ToList();

    private static GlobalTableDoc GlobalTable(IGlobalStoreDescription global)
    {
        var position = new Dictionary<string, int>(StringComparer.Ordinal) { [global.Source.Name] = 0, [global.Processor.Name] = 1 };
        var processor = NodeOrder.Convert(global.Processor, position);
        return new GlobalTableDoc(global.Id, NodeOrder.Convert(global.Source, position), processor, processor.Stores.Single(), Topics.ByName(global.Source.Topics.Single()));
    }

    private static List<StateStoreDoc> Stores(List<(int Id, TopologyNode Node)> subNodes, IReadOnlyList<InternalTopic> internalTopics, string applicationId) =>
        subNodes.SelectMany(n => n.Node.Stores.Select(store => (n.Id, Store: store, Processor: n.Node.Name)))
            .GroupBy(s => s.Store, StringComparer.Ordinal)
            .Select(g => new StateStoreDoc(
                g.Key,
                g.First().Id,
                g.Select(s => s.Processor).Distinct(StringComparer.Ordinal).ToList(),
                internalTopics.FirstOrDefault(t => t.Kind == InternalTopic.ChangelogKind && t.Name == $"{applicationId}-{g.Key}-changelog")))
            .ToList();

    private static RepartitionTopicDoc Repartition(string name, List<(int Id, TopologyNode Node)> subNodes, IReadOnlyList<InternalTopic> internalTopics, string applicationId)
    {
        List<int> SubTopologiesWith(NodeKind kind) =>
            subNodes.Where(n => n.Node.Kind == kind && n.Node.Topics.Contains(name)).Select(n => n.Id).Distinct().Order().ToList();

        var topic = internalTopics.Single(t => t.Kind == InternalTopic.RepartitionKind && t.Name == $"{applicationId}-{name}");
        return new RepartitionTopicDoc(name, topic, SubTopologiesWith(NodeKind.Sink), SubTopologiesWith(NodeKind.Source));
    }
}
