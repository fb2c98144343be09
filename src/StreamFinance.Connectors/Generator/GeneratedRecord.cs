using Avro.Specific;
using StreamFinance.Contracts.Catalog;

namespace StreamFinance.Connectors.Generator;

/// <summary>One record the generator wants written: where, under which key, and what.</summary>
public sealed record GeneratedRecord(TopicSpec Topic, string Key, ISpecificRecord Value);
