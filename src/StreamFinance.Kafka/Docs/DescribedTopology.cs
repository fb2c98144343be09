using StreamFinance.Contracts.Catalog;

namespace StreamFinance.Kafka.Docs;

/// <summary>A built topology as its docs page shows it: nodes in a stable order, catalog topics, stores and internal topics.</summary>
internal sealed record DescribedTopology
{
    /// <summary>The topology's name (<see cref="IStreamTopology.Name"/>).</summary>
    public required string Name { get; init; }

    /// <summary>What it does (<see cref="IStreamTopology.Description"/>).</summary>
    public required string Description { get; init; }

    /// <summary>Its design notes (<see cref="IStreamTopology.Design"/>); empty for none.</summary>
    public IReadOnlyList<string> Design { get; init; } = [];

    /// <summary>Its application id, the prefix of its internal topics.</summary>
    public required string ApplicationId { get; init; }

    /// <summary>Sub-topologies in id order.</summary>
    public required IReadOnlyList<SubTopologyNodes> SubTopologies { get; init; }

    /// <summary>GlobalKTables in id order.</summary>
    public required IReadOnlyList<GlobalTableDoc> GlobalTables { get; init; }

    /// <summary>State stores of the sub-topologies, in sub-topology and node order.</summary>
    public required IReadOnlyList<StateStoreDoc> Stores { get; init; }

    /// <summary>Catalog topics it reads (global tables included), by name.</summary>
    public required IReadOnlyList<TopicSpec> Inputs { get; init; }

    /// <summary>Catalog topics it writes, by name.</summary>
    public required IReadOnlyList<TopicSpec> Outputs { get; init; }

    /// <summary>True when a sink chooses its topic per record, so <see cref="Outputs"/> may be incomplete.</summary>
    public required bool HasDynamicOutputs { get; init; }

    /// <summary>Repartition topics, by name.</summary>
    public required IReadOnlyList<RepartitionTopicDoc> Repartitions { get; init; }

    /// <summary>Elements with generated names that the topology could have named.</summary>
    public required IReadOnlyList<UnnamedElement> Unnamed { get; init; }

    /// <summary>Where <see cref="IStreamTopology.Inputs"/> and <see cref="IStreamTopology.Outputs"/> disagree with what the topology reads and writes.</summary>
    public required IReadOnlyList<string> DeclarationMismatches { get; init; }

    /// <summary>True when <paramref name="topic"/> (undecorated) is one of its repartition topics.</summary>
    public bool IsRepartition(string topic) => Repartitions.Any(r => r.Name == topic);
}
