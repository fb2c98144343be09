using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.Procurement;
using StreamFinance.Kafka;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Observability;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Kafka.State;
using StreamFinance.Rules.Procurement;
using StreamFinance.Topologies.Lookups;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.Stream;

namespace StreamFinance.Topologies.Procurement;

/// <summary>
/// Purchase orders to ERP commitments: <c>ingest.purchase-orders</c> (and the actuals of <c>erp.journal-postings</c>)
/// -> shape check -> by legal entity -> dedupe by PO number and revision, the purchase order rules point in time, the
/// budget rule over open commitments and actuals -> <c>erp.commitments</c>, <c>p2p.po-held</c> (and its tombstones),
/// <c>status.purchase-orders</c>, or <c>dlq.procurement</c> (malformed orders). Every order ends committed, held,
/// cancelled or closed, or dead-lettered; every decision is in the audit trail.
/// </summary>
/// <remarks>
/// <para>Budget ownership: orders and journals are re-keyed by their legal entity, and one task decides everything of
/// an entity (<see cref="ProcurementDecider"/>). Every budget key an order touches belongs to that entity (a line whose
/// cost center belongs to another entity is held as COST_CENTER_ENTITY_MISMATCH), so one task sees every reservation
/// of every key it decides, and an order with lines on several keys reserves on all of them or on none in one step,
/// without any protocol between tasks. The price: an entity's orders are decided one after another on one task, so
/// throughput per entity is one task's, and a rebalance moves whole entities. Keys of one entity cannot be spread.</para>
/// <para>See <c>topology-docs/procurement.md</c> for the drawn topology.</para>
/// </remarks>
public sealed class ProcurementTopology : IStreamTopology
{
    /// <summary>The topology's name (<see cref="Name"/>).</summary>
    public const string TopologyName = "procurement";

    /// <inheritdoc />
    public string Name => TopologyName;

    /// <inheritdoc />
    public string Description => "Budget-checks approved purchase orders per legal entity (budget - open commitments - actuals): erp.commitments, p2p.po-held, status.purchase-orders or dlq.procurement.";

    /// <inheritdoc />
    public IReadOnlyList<string> Design { get; } =
    [
        "**Who decides a budget key.** A budget key is a cost center or project with a fiscal period (`CC-2010/DE01-2026-04`). " +
        "Orders and posted journals are re-keyed by their legal entity (`procurement.orders-by-entity`, `procurement.journals-by-entity`, " +
        "same partition count), so one task owns every budget key of an entity and decides every order of it in arrival order. " +
        "Available = budget in force on the order date - open commitments (`procurement.committed`) - actuals (`procurement.actuals`), " +
        "all kept by that task: no two tasks ever reserve on one key, so a key is never overspent.",
        "**Orders on several keys.** Every key an order touches belongs to its legal entity (a line whose cost center belongs to another " +
        "entity is held as `COST_CENTER_ENTITY_MISMATCH`), so the one task checks all of them and reserves on all or none in one step: " +
        "no two-phase protocol between tasks. A revision needs only its difference per key; if an increase does not fit, the revision " +
        "is held and the committed one stays.",
        "**Limits of this choice.** Throughput per legal entity is one task's; a very busy entity cannot be spread over partitions, " +
        "and a rebalance moves whole entities with their stores. Keying by budget key would spread the load but needs a reservation " +
        "protocol across tasks for orders on several keys; that is not built. A project budget is keyed by the project and must " +
        "belong to the same entity as the order.",
        "**Actuals.** Each journal on `erp.journal-postings` counts once (by reconciliation id): its lines with a cost center add " +
        "(debit) or subtract (credit) on the key of the line's project, else its cost center, in the accounting period containing " +
        "the posting date, in the journal's currency, which the posting topology makes the entity's functional currency, the " +
        "currency budgets are kept in. AP invoices are not counted yet (three-way match, issue 17).",
        "**Release.** Held orders are kept oldest first (`procurement.holds`, keyed by first-held time). They are evaluated again, " +
        "oldest first, at once when the task frees budget (cancellation, close, lowered revision) and, every " +
        "`Procurement:HoldCheckInterval`, after the master-data table changed (budget raised, supplier unblocked, approver or limit " +
        "added, rate loaded). A release writes the commitment and the hold's tombstone. Holds have no horizon: they wait for a person " +
        "or a change of master data.",
    ];

    /// <inheritdoc />
    public IReadOnlyList<TopicSpec> Inputs { get; } = [Topics.PurchaseOrders, Topics.JournalPostings, Topics.MasterDataHistory];

    /// <inheritdoc />
    public IReadOnlyList<TopicSpec> Outputs { get; } =
        [Topics.Commitments, Topics.PurchaseOrdersHeld, Topics.PurchaseOrderStatus, Topics.ProcurementDeadLetters, Topics.AuditEmitted];

    /// <inheritdoc />
    public Topic<string, DeadLetter> DeadLetterTopic => Topics.ProcurementDeadLetters;

    /// <summary>Advanced after every write to the master-data store: held orders are looked at again after it.</summary>
    public StoreWriteSignal MasterDataWrites { get; } = new();

    /// <inheritdoc />
    public void Build(StreamBuilder builder, TopologyContext context)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(context);
        var orderSerDes = context.SerDes.Avro<PurchaseOrder>();
        var journalSerDes = context.SerDes.Avro<JournalEntry>();
        var deadLetters = context.DeadLettersTo(this);
        var audit = context.AuditFor(this);
        AddStores(builder, context);

        // 1. Purchase orders: malformed ones are dead-lettered with the bytes and origin they arrived with; the rest are
        //    re-keyed by legal entity, so the task that owns the entity's budget keys decides them.
        var orders = builder.Stream(Topics.PurchaseOrders.Name, SerDesFactory.Key(), orderSerDes, ProcurementNames.OrderSource)
            .CountConsumed(context.Metrics, Topics.PurchaseOrders.Name)
            .DeadLetterTombstones(ProcurementNames.OrderTombstones, deadLetters, OrderInstead)
            .RouteFailures(ProcurementNames.Shape, orderSerDes, deadLetters, WellFormed)
            .SelectKey((_, order, _) => order.legalEntityId, $"{ProcurementNames.OrdersByEntity}.by-entity")
            .Repartition(Repartitioned<string, PurchaseOrder>.As(ProcurementNames.OrdersByEntity)
                .WithKeySerdes(SerDesFactory.Key()).WithValueSerdes(orderSerDes))
            .MapValues((_, order, _) => ProcurementEvent.Of(order), $"{ProcurementNames.OrdersByEntity}.events");

        // 2. Actuals: posted journals, re-keyed by legal entity to the same task. Both repartition topics take the
        //    partition count of their source (ingest.purchase-orders and erp.journal-postings have the same), so
        //    partition p of both reaches the same task.
        var journals = builder.Stream(Topics.JournalPostings.Name, SerDesFactory.Key(), journalSerDes, ProcurementNames.JournalSource)
            .CountConsumed(context.Metrics, Topics.JournalPostings.Name)
            .DeadLetterTombstones(ProcurementNames.JournalTombstones, deadLetters, JournalInstead)
            .SelectKey((_, journal, _) => journal.legalEntityId, $"{ProcurementNames.JournalsByEntity}.by-entity")
            .Repartition(Repartitioned<string, JournalEntry>.As(ProcurementNames.JournalsByEntity)
                .WithKeySerdes(SerDesFactory.Key()).WithValueSerdes(journalSerDes))
            .MapValues((_, journal, _) => ProcurementEvent.Of(journal), $"{ProcurementNames.JournalsByEntity}.events");

        // 3. Decide, per entity: commit, hold, release, adjust, reverse, close.
        var outcomes = orders.Merge(journals, ProcurementNames.Events)
            .Transform(
                TransformerBuilder.New<string, ProcurementEvent, string, ProcurementOutcome>()
                    .Transformer<ProcurementDecider>(
                        new PurchaseOrderRules(context.MasterData.FxFallback), context.Procurement, context.Clock, MasterDataWrites,
                        orderSerDes, journalSerDes, context.BusinessMetrics, context.Restorations).Build(),
                ProcurementNames.Decide,
                ProcurementNames.OrderStore, ProcurementNames.CommitmentStore, ProcurementNames.CommittedStore, ProcurementNames.ActualStore,
                ProcurementNames.JournalStore, ProcurementNames.HoldStore)
            .AuditEach(ProcurementNames.DecideAudit, audit, (_, outcome, _) => outcome.Facts);

        // 4. Outputs, each keyed by its own id.
        outcomes
            .Filter((_, outcome, _) => outcome.Commitment is not null, $"{ProcurementNames.CommitmentSink}.filter")
            .SelectKey((_, outcome, _) => outcome.Commitment!.commitmentId, $"{ProcurementNames.CommitmentSink}.by-id")
            .MapValues((_, outcome, _) => outcome.Commitment!, $"{ProcurementNames.CommitmentSink}.value")
            .CountProduced(context.Metrics, Topics.Commitments.Name, $"{ProcurementNames.CommitmentSink}.produced-metric")
            .To(Topics.Commitments.Name, SerDesFactory.Key(), context.SerDes.Avro<Commitment>(), ProcurementNames.CommitmentSink);
        outcomes
            .Filter((_, outcome, _) => outcome.Hold is not null || outcome.HoldEnds, $"{ProcurementNames.HoldSink}.filter")
            .SelectKey((_, outcome, _) => outcome.PoNumber, $"{ProcurementNames.HoldSink}.by-po")
            // A release is the hold's tombstone: p2p.po-held is compacted to the orders held now.
            .MapValues((_, outcome, _) => outcome.Hold!, $"{ProcurementNames.HoldSink}.value")
            .CountProduced(context.Metrics, Topics.PurchaseOrdersHeld.Name, $"{ProcurementNames.HoldSink}.produced-metric")
            .To(Topics.PurchaseOrdersHeld.Name, SerDesFactory.Key(), context.SerDes.Avro<PurchaseOrderHold>(), ProcurementNames.HoldSink);
        outcomes
            .Filter((_, outcome, _) => outcome.Status is not null, $"{ProcurementNames.StatusSink}.filter")
            .SelectKey((_, outcome, _) => outcome.PoNumber, $"{ProcurementNames.StatusSink}.by-po")
            .MapValues((_, outcome, _) => outcome.Status!, $"{ProcurementNames.StatusSink}.value")
            .CountProduced(context.Metrics, Topics.PurchaseOrderStatus.Name, $"{ProcurementNames.StatusSink}.produced-metric")
            .To(Topics.PurchaseOrderStatus.Name, SerDesFactory.Key(), context.SerDes.Avro<StatusUpdate>(), ProcurementNames.StatusSink);
        outcomes
            .Filter((_, outcome, _) => outcome.DeadLetter is not null, $"{ProcurementNames.DecideDeadLetters}.filter")
            .MapValues((_, outcome, _) => outcome.DeadLetter!, $"{ProcurementNames.DecideDeadLetters}.value")
            .WriteDeadLetters(ProcurementNames.DecideDeadLetters, deadLetters);
    }

    private const string OrderInstead =
        "Purchase orders are versions, not rows of a table, so none is deleted by key: send the order with status CANCELLED " +
        "(its commitment is reversed) or CLOSED (what remains is released).";

    private const string JournalInstead =
        "Posted journals are ERP documents, not rows of a table, so none is deleted by key: a journal is reversed by another journal.";

    private static ProcessingOutcome<PurchaseOrder> WellFormed(string key, PurchaseOrder order)
    {
        var problems = PurchaseOrderShape.Problems(order);
        if (problems.Count == 0)
            return order;
        return new Failure(ReasonCode.SchemaInvalid, $"Purchase order {order.poNumber} (key '{key}') cannot be judged: {string.Join("; ", problems)}. {ReasonCode.SchemaInvalid.Remedy}")
        {
            CorrelationId = order.envelope.correlationId,
            IdempotencyKey = order.envelope.idempotencyKey,
        };
    }

    /// <summary>The global master-data table (own store) and the six RocksDB stores of the decide step.</summary>
    private void AddStores(StreamBuilder builder, TopologyContext context)
    {
        MasterDataHistoryTable.Add(builder, ProcurementNames.MasterDataStore, ProcurementNames.MasterDataTable, context.SerDes.Avro<MasterDataHistory>(), MasterDataWrites);
        builder.AddStateStore(Stores.KeyValueStoreBuilder(PersistentStores.KeyValue(ProcurementNames.OrderStore), SerDesFactory.Key(), new StringSerDes()));
        builder.AddStateStore(Stores.KeyValueStoreBuilder(PersistentStores.KeyValue(ProcurementNames.CommitmentStore), SerDesFactory.Key(), context.SerDes.Avro<Commitment>()));
        builder.AddStateStore(Stores.KeyValueStoreBuilder(PersistentStores.KeyValue(ProcurementNames.CommittedStore), SerDesFactory.Key(), context.SerDes.Avro<Money>()));
        builder.AddStateStore(Stores.KeyValueStoreBuilder(PersistentStores.KeyValue(ProcurementNames.ActualStore), SerDesFactory.Key(), context.SerDes.Avro<Money>()));
        builder.AddStateStore(Stores.KeyValueStoreBuilder(PersistentStores.KeyValue(ProcurementNames.JournalStore), SerDesFactory.Key(), new StringSerDes()));
        builder.AddStateStore(Stores.KeyValueStoreBuilder(PersistentStores.KeyValue(ProcurementNames.HoldStore), SerDesFactory.Key(), context.SerDes.Avro<HeldRecord>()));
    }
}
