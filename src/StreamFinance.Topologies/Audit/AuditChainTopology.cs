using System.Globalization;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Observability;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Kafka.State;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;

namespace StreamFinance.Topologies.Audit;

/// <summary>
/// The audit chainer: the one place where audit events are chained. Emitters (connectors, topologies, commands) write
/// their events unchained to <c>audit.emitted</c>, keyed by correlation id, so one partition holds every event of a
/// correlation id in the order they were written, whichever process wrote them. The chainer reads each partition in
/// order, drops repeats (an event id the chain already holds), gives each event its sequence and the previous event's
/// hash (store <see cref="AuditNames.LinkStore"/>) and its own hash, and appends it to the same partition of
/// <c>audit.events</c>; it folds every event into the partition's running hash and closes each day with a chain head
/// in that partition (store <see cref="AuditNames.HeadStore"/>).
/// <code>
/// audit.emitted ─ tombstones ─ chain (links, partition heads) ─► audit.events (same partition)
/// </code>
/// </summary>
public sealed class AuditChainTopology : IStreamTopology
{
    /// <inheritdoc />
    public string Name => AuditNames.ChainTopology;

    /// <inheritdoc />
    public string Description => "Chains the audit events every component emits, per correlation id, with a daily chain head per partition: audit.emitted to audit.events.";

    /// <inheritdoc />
    public IReadOnlyList<TopicSpec> Inputs { get; } = [Topics.AuditEmitted];

    /// <inheritdoc />
    public IReadOnlyList<TopicSpec> Outputs { get; } = [Topics.AuditEvents, Topics.AuditEmitted, Topics.IngestDeadLetters];

    /// <summary><c>dlq.ingest</c>: an audit event that cannot be read is a technical failure, for integration support.</summary>
    public Topic<string, DeadLetter> DeadLetterTopic => Topics.IngestDeadLetters;

    /// <inheritdoc />
    public void Build(StreamBuilder builder, TopologyContext context)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(context);
        builder.AddStateStore(Stores.KeyValueStoreBuilder(PersistentStores.KeyValue(AuditNames.LinkStore), SerDesFactory.Key(), new StringSerDes()));
        builder.AddStateStore(Stores.KeyValueStoreBuilder(PersistentStores.KeyValue(AuditNames.HeadStore), SerDesFactory.Key(), new StringSerDes()));
        var audit = context.SerDes.Avro<AuditEvent>();

        builder.Stream(Topics.AuditEmitted.Name, SerDesFactory.Key(), audit, AuditNames.EmittedSource)
            .CountConsumed(context.Metrics, Topics.AuditEmitted.Name)
            .DeadLetterTombstones(AuditNames.EmittedTombstones, context.DeadLettersTo(this), EmittedInstead)
            .Transform(
                TransformerBuilder.New<string, AuditEvent, string, AuditEvent>().Transformer<AuditChainTransformer>(context.Clock).Build(),
                AuditNames.Chain,
                AuditNames.LinkStore, AuditNames.HeadStore)
            .CountProduced(context.Metrics, Topics.AuditEvents.Name)
            // Partition p of audit.emitted is chained into partition p of audit.events (the same count), so a
            // partition's events and its daily heads are written by one task, in order.
            .To(Topics.AuditEvents.Name, SamePartition, SerDesFactory.Key(), audit, AuditNames.EventsSink);
    }

    private static Confluent.Kafka.Partition SamePartition(string topic, string key, AuditEvent value, Confluent.Kafka.Partition source, int partitions) =>
        AuditChain.IsHead(value)
            ? new Confluent.Kafka.Partition(int.Parse(value.detail["partition"], NumberStyles.None, CultureInfo.InvariantCulture))
            : source;

    private const string EmittedInstead =
        "Audit events are appended, never deleted: find the producer that wrote the tombstone and stop it; nothing needs to be sent instead.";
}
