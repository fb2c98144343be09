using StreamFinance.Kafka.State;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData.Ownership;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Observability;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.Stream;
using StreamFinance.Kafka;

namespace StreamFinance.Topologies.MasterData;

/// <summary>
/// Step 2: ownership check and effective-dated history. Ownership violations go to <c>dlq.master-data</c> as
/// <c>OWNERSHIP_VIOLATION</c> (owner integration support); accepted updates become versions in the
/// <see cref="MasterDataNames.HistoryStore"/> store, and every history that gained a version is written to
/// <c>md.history</c> (compacted, key <c>TYPE:businessKey</c>). Re-deliveries stop here.
/// </summary>
/// <remarks>No repartition: <c>md.updates</c> is keyed like the store, so each object's updates reach one task in order.</remarks>
public static class HistoryApplyStep
{
    /// <summary>Adds the step; returns the changes that added a version.</summary>
    public static IKStream<string, HistoryChange> Apply(
        StreamBuilder builder, IKStream<string, MasterDataUpdate> valid, TopologyContext context, IStreamTopology topology)
    {
        var updateSerDes = context.SerDes.Avro<MasterDataUpdate>();
        builder.AddStateStore(Stores.KeyValueStoreBuilder(
            PersistentStores.KeyValue(MasterDataNames.HistoryStore), SerDesFactory.Key(), context.SerDes.Avro<MasterDataHistory>()));
        var applier = new HistoryApplier(SystemOfRecordTable.From(context.MasterData.SystemOfRecord), context.MasterData.History);

        var changes = valid
            .TransformValues(
                TransformerBuilder.New<string, MasterDataUpdate, string, ApplyResult>().Transformer<HistoryApplyTransformer>(applier, context.Clock, new MasterDataMetrics(context.BusinessMetrics)).Build(),
                MasterDataNames.Apply,
                MasterDataNames.HistoryStore)
            .RouteFailures(
                MasterDataNames.ApplyOutcome,
                new ProjectedSerDes<ApplyResult, MasterDataUpdate>(updateSerDes, result => result.Received),
                context.DeadLettersTo(topology),
                (_, result) => result.Outcome)
            // Applied as a new version, or a re-delivery of a version already held: both in the audit trail.
            .Audit(MasterDataNames.ApplyAudit, context.AuditFor(topology), (key, change, record) => MasterDataAudit.Of(key, change, record))
            .Filter((_, change, _) => change.IsNewVersion, MasterDataNames.Changed);

        changes
            .MapValues((_, change, _) => change.History, MasterDataNames.HistoryValue)
            .CountProduced(context.Metrics, Topics.MasterDataHistory.Name)
            .To(Topics.MasterDataHistory.Name, SerDesFactory.Key(), context.SerDes.Avro<MasterDataHistory>(), MasterDataNames.HistorySink);
        return changes;
    }
}
