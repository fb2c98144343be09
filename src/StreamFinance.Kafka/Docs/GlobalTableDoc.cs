using StreamFinance.Contracts.Catalog;

namespace StreamFinance.Kafka.Docs;

/// <summary>A GlobalKTable: every instance reads all partitions of its topic into a store; it needs no changelog.</summary>
/// <param name="Id">Streamiz's sub-topology id of the global store.</param>
/// <param name="Source">The source node reading the topic.</param>
/// <param name="Processor">The processor node maintaining the store.</param>
/// <param name="Store">The store's name.</param>
/// <param name="Topic">The catalog topic it reads.</param>
internal sealed record GlobalTableDoc(int Id, TopologyNode Source, TopologyNode Processor, string Store, TopicSpec Topic);
