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
/// The audit index, built from <c>audit.events</c> alone (so it can be rebuilt from the topic at any time): every
/// chained event by correlation id and sequence (<see cref="AuditNames.TimelineStore"/>), and every business id and
/// related id (expense id, card transaction id, master-data key, reconciliation id, ...) to the correlation ids that
/// carry it (<see cref="AuditNames.IdStore"/>). <c>GET /v1/audit/{id}</c> answers from it (<see cref="AuditIndexReader"/>).
/// <code>
/// audit.events ─ index (timelines, ids)
/// </code>
/// </summary>
public sealed class AuditIndexTopology : IStreamTopology
{
    /// <inheritdoc />
    public string Name => AuditNames.IndexTopology;

    /// <inheritdoc />
    public string Description => "Indexes audit.events by correlation id, business id and related ids for the audit API.";

    /// <inheritdoc />
    public IReadOnlyList<TopicSpec> Inputs { get; } = [Topics.AuditEvents];

    /// <inheritdoc />
    public IReadOnlyList<TopicSpec> Outputs { get; } = [Topics.IngestDeadLetters, Topics.AuditEmitted];

    /// <summary><c>dlq.ingest</c>: an audit event that cannot be read is a technical failure, for integration support.</summary>
    public Topic<string, DeadLetter> DeadLetterTopic => Topics.IngestDeadLetters;

    /// <inheritdoc />
    public void Build(StreamBuilder builder, TopologyContext context)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(context);
        // Read by API requests, not by a stream thread: decoded synchronously.
        var audit = context.SerDes.QueryableAvro<AuditEvent>();
        builder.AddStateStore(Stores.KeyValueStoreBuilder(PersistentStores.KeyValue(AuditNames.TimelineStore), SerDesFactory.Key(), audit));
        builder.AddStateStore(Stores.KeyValueStoreBuilder(PersistentStores.KeyValue(AuditNames.IdStore), SerDesFactory.Key(), new StringSerDes()));

        builder.Stream(Topics.AuditEvents.Name, SerDesFactory.Key(), context.SerDes.Avro<AuditEvent>(), AuditNames.EventsSource)
            .CountConsumed(context.Metrics, Topics.AuditEvents.Name)
            .DeadLetterTombstones($"{AuditNames.IndexTopology}.events-tombstones", context.DeadLettersTo(this), EventsInstead)
            .Process(ProcessorBuilder.New<string, AuditEvent>().Processor<AuditIndexProcessor>().Build(), AuditNames.Index, AuditNames.TimelineStore, AuditNames.IdStore);
    }

    private const string EventsInstead =
        "audit.events is append-only and written only by the audit chainer: find the producer that wrote the tombstone and stop it; nothing needs to be sent instead.";
}
