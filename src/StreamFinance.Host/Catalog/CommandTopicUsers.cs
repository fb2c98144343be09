using StreamFinance.Connectors.ErpSink;
using StreamFinance.Connectors.Mapping.Outbound;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Host.Cli;
using StreamFinance.Host.Runtime;
using StreamFinance.Topologies;
using StreamFinance.Kafka;

namespace StreamFinance.Host.Catalog;

/// <summary>
/// The commands of the <c>streamfinance</c> executable that read or write catalog topics, each from what its own code
/// uses: <c>dlq replay</c> reads the dead-letter topics that topologies and connectors write and writes records back to
/// the topics the topologies read (a dead letter's origin); <c>md get</c>/<c>md dump</c> read the compacted
/// master-data topics; the live view of <c>demo</c> and <c>run --live-view</c> follows the journals and the ERP's answers to them; <c>audit verify</c>
/// and <c>audit trace</c> read <c>audit.events</c>.
/// </summary>
public static class CommandTopicUsers
{
    /// <summary>The commands' users, given the topologies the product runs.</summary>
    public static IReadOnlyList<TopicUser> Of(IReadOnlyList<IStreamTopology> topologies) =>
    [
        DeadLetterReplay(topologies),
        new(TopicUserKind.Command, "md get/dump", MasterDataCommand.InspectableTopics, []),
        new(TopicUserKind.Command, "live view (demo, run --live-view)", [JournalTail.Topic, JournalTail.Answers, .. ProcurementTail.Topics], []),
        new(TopicUserKind.Command, "audit verify/trace", [Topics.AuditEvents], []),
    ];

    /// <summary>
    /// <c>dlq replay</c>: reads <see cref="ReplayableTopics"/>, writes the inputs of <paramref name="topologies"/>, where
    /// their dead letters came from (never <c>audit.events</c>, which only the audit chainer appends to), and the
    /// <c>erp.*</c> topics the ERP sinks read (a posting the ERP rejected, sent again once fixed), and records each
    /// replay in <c>audit.emitted</c>. Source connector dead letters come from files and endpoints, so it writes nothing for them.
    /// </summary>
    public static TopicUser DeadLetterReplay(IReadOnlyList<IStreamTopology> topologies) =>
        new(TopicUserKind.Command, "dlq replay", ReplayableTopics(topologies),
            topologies.SelectMany(t => t.Inputs).Where(ReplaysTo).Concat(OutboundProfile.SendableTopics).Append(Topics.AuditEmitted).DistinctBy(t => t.Name).ToList());

    /// <summary>Whether <c>dlq replay</c> writes a dead letter back to <paramref name="topic"/>: every topic a topology reads, except <c>audit.events</c>.</summary>
    public static bool ReplaysTo(TopicSpec topic) => topic.Name != Topics.AuditEvents.Name;

    /// <summary>The dead-letter topics something writes, in catalog order: each topology's, the source connectors' and the ERP sinks'.</summary>
    public static IReadOnlyList<TopicSpec> ReplayableTopics(IEnumerable<IStreamTopology> topologies)
    {
        var written = topologies.Select(t => t.DeadLetterTopic.Name).Append(IngestPipeline.DeadLetterTopic.Name).Append(ErpAnswerRecorder.DeadLetterTopic.Name).ToHashSet(StringComparer.Ordinal);
        return Topics.All.Where(t => written.Contains(t.Name)).ToList();
    }
}
