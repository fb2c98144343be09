using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Observability;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net;
using StreamFinance.Kafka;

namespace StreamFinance.Topologies.MasterData;

/// <summary>
/// The master-data topology: <c>md.updates</c> from every source to the canonical compacted <c>md.*</c> topics, with one
/// system of record per object type (per field group for suppliers), effective-dated history in <c>md.history</c> for
/// point-in-time look-ups, and supplier duplicates and golden records. Every bad or refused update reaches
/// <c>dlq.master-data</c> with its reason; nothing is dropped silently.
/// <code>
/// md.updates ─ validate ─┬─ bad input ──────────────────────────────────────────────► dlq.master-data
///                        └─ apply (ownership, history store) ─┬─ OWNERSHIP_VIOLATION ─► dlq.master-data
///                                                             ├─ re-delivery: stop
///                                                             └─ new version ─┬──────► md.history
///                                                                             ├─ latest changed, by type ─► md.cost-centers, md.fx-rates, ...
///                                                                             └─ supplier ─ suppliers-all (1 partition) ─ mastering ─┬► md.suppliers
///                                                                                                                                   └► md.supplier-duplicates
/// </code>
/// </summary>
public sealed class MasterDataTopology : IStreamTopology
{
    /// <inheritdoc />
    public string Name => MasterDataNames.Topology;

    /// <inheritdoc />
    public string Description =>
        "Applies master-data updates under the system-of-record table, keeps effective-dated history, publishes canonical topics and golden suppliers with duplicate candidates.";

    /// <inheritdoc />
    public IReadOnlyList<TopicSpec> Inputs { get; } = [Topics.MasterDataUpdates];

    /// <inheritdoc />
    public IReadOnlyList<TopicSpec> Outputs { get; } =
        [Topics.MasterDataHistory, .. CanonicalTopicsStep.CanonicalTopics, Topics.Suppliers, Topics.SupplierDuplicates, Topics.MasterDataDeadLetters, Topics.AuditEmitted];

    /// <inheritdoc />
    public Topic<string, DeadLetter> DeadLetterTopic => Topics.MasterDataDeadLetters;

    /// <inheritdoc />
    public void Build(StreamBuilder builder, TopologyContext context)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(context);

        var updates = builder.Stream(Topics.MasterDataUpdates.Name, SerDesFactory.Key(), context.SerDes.Avro<MasterDataUpdate>(), MasterDataNames.Source)
            .CountConsumed(context.Metrics, Topics.MasterDataUpdates.Name);
        var valid = UpdateValidationStep.Apply(updates, context, this);
        var changes = HistoryApplyStep.Apply(builder, valid, context, this);
        CanonicalTopicsStep.Apply(changes, context);
        SupplierMasteringStep.Apply(builder, changes, context, this);
    }
}
