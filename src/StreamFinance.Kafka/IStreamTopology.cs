using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using Streamiz.Kafka.Net;

namespace StreamFinance.Kafka;

/// <summary>
/// One StreamFinance topology: a readable function from catalog topics to catalog topics. The host runs it, the
/// topic tooling derives its internal topics from it, the docs command draws it, and the tests drive it, all
/// through this one <see cref="Build"/> method.
/// </summary>
public interface IStreamTopology
{
    /// <summary>Short stable name, part of the application id and of every internal topic name (for example <c>master-data</c>). Never rename it: that would orphan its state.</summary>
    string Name { get; }

    /// <summary>One sentence on what it does, for docs and logs.</summary>
    string Description { get; }

    /// <summary>
    /// Design notes for its docs page (Markdown paragraphs, under "Design"): choices a reader of the diagram needs, such
    /// as how state is partitioned and what that costs. Default none.
    /// </summary>
    IReadOnlyList<string> Design => [];

    /// <summary>Catalog topics it reads.</summary>
    IReadOnlyList<TopicSpec> Inputs { get; }

    /// <summary>Catalog topics it writes.</summary>
    IReadOnlyList<TopicSpec> Outputs { get; }

    /// <summary>
    /// The catalog dead-letter topic (<c>dlq.*</c>) that receives every record this topology cannot process: in-topology
    /// failures (<c>RouteFailures</c>) and, through the Streamiz exception handlers, records it cannot deserialize or write.
    /// </summary>
    Topic<string, DeadLetter> DeadLetterTopic { get; }

    /// <summary>Adds the topology's sources, processors, stores and sinks to <paramref name="builder"/>.</summary>
    void Build(StreamBuilder builder, TopologyContext context);
}
