using System.Globalization;
using System.Text;
using Confluent.Kafka;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Domain.Procurement;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Holds;
using StreamFinance.Kafka.Observability;
using StreamFinance.Kafka.State;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Rules.Procurement;
using StreamFinance.Topologies.Lookups;
using Streamiz.Kafka.Net.Processors;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;

namespace StreamFinance.Topologies.Procurement;

/// <summary>
/// The decide step of the procurement topology, one instance per task; the task owns every budget key of the legal
/// entities whose partition it holds, so it alone reads and moves their positions. For a purchase order: dedupe by PO
/// number and revision, the <see cref="PurchaseOrderRules"/> over the master data in force on the order date, then the
/// <see cref="BudgetRule"/> over what this task has committed and posted; the order commits (all its keys reserve) or
/// is held (none does). For a journal: its lines with a cost center become actuals of their budget keys, once per
/// reconciliation id.
/// </summary>
/// <remarks>
/// <para>Revisions: a higher revision of a committed order needs only its difference per key (a lowered key frees budget);
/// if the increase does not fit, the new revision is held and the committed one stays. A lower or equal revision is
/// ignored. A cancellation reverses what is committed, a close releases it (no invoices are matched yet, so all of it);
/// both end a hold and make the order final.</para>
/// <para>Release without a person: held orders live in <see cref="ProcurementNames.HoldStore"/> keyed oldest first. They
/// are evaluated again, oldest first, at once when this task frees budget (cancellation, close, lowered revision) and,
/// every <see cref="ProcurementOptions.HoldCheckInterval"/>, when the master-data table was written since the last look
/// (a budget raised, a supplier unblocked, an approver or limit added, a rate loaded). A release commits and writes the
/// hold's tombstone.</para>
/// </remarks>
public sealed class ProcurementDecider : ITransformer<string, ProcurementEvent, string, ProcurementOutcome>
{
    private const int SweepBatch = 1000;
    private static readonly IReadOnlyDictionary<string, decimal> Nothing = new Dictionary<string, decimal>();

    private readonly PurchaseOrderRules rules;
    private readonly ProcurementOptions options;
    private readonly TimeProvider clock;
    private readonly StoreWriteSignal? masterDataWrites;
    private readonly ISerDes<PurchaseOrder>? orderSerDes;
    private readonly ISerDes<JournalEntry>? journalSerDes;
    private readonly HoldMetrics holdMetrics;
    private readonly ProcurementMetrics metrics;
    private readonly DeadLetterFactory deadLetters;
    private ProcessorContext<string, ProcurementOutcome>? context;
    private IKeyValueStore<string, string>? orders;
    private IKeyValueStore<string, Commitment>? commitments;
    private IKeyValueStore<string, string>? journals;
    private BudgetLedger? ledger;
    private HoldStore? holds;
    private MasterDataReader? reader;
    private long sweptGeneration = long.MinValue;
    private bool budgetFreed;
    private bool holdsChanged = true;
    private HeldTally tally = HeldTally.Empty;
    private readonly StoreRestorations? restorations;
    private TaskRestoration? restoration;

    /// <summary>
    /// Streamiz's <c>Transformer&lt;T&gt;()</c> requires a parameterless constructor: default settings on the system clock,
    /// without the master-data signal and SerDes (an order that would be held fails the task): build the topology with
    /// <see cref="ProcurementTopology"/>.
    /// </summary>
    public ProcurementDecider()
        : this(new PurchaseOrderRules(new FxFallbackPolicy()), ProcurementOptions.Default(), TimeProvider.System, null, null, null, BusinessMetrics.Detached(), null)
    {
    }

    /// <summary>The decider Streamiz creates per task.</summary>
    /// <param name="rules">The purchase order rules.</param>
    /// <param name="options">The procurement settings.</param>
    /// <param name="clock">Now: hold and ingest times.</param>
    /// <param name="masterDataWrites">Advanced by every write of the master-data table: look-ups are remembered until the next write, and held orders are looked at again after it.</param>
    /// <param name="orderSerDes">The SerDes of <c>ingest.purchase-orders</c>, to keep a held order's bytes.</param>
    /// <param name="journalSerDes">The SerDes of <c>erp.journal-postings</c>, for the bytes of a journal that cannot be counted.</param>
    /// <param name="businessMetrics">Where the held-records gauge and the procurement counters (<see cref="ProcurementMetrics"/>) are.</param>
    /// <param name="restorations">The stream's restorations: the hold check releases nothing while the task's stores restore (a release from a partly restored budget could overspend it). Null: nothing restores (a test driver).</param>
    public ProcurementDecider(
        PurchaseOrderRules rules, ProcurementOptions options, TimeProvider clock, StoreWriteSignal? masterDataWrites,
        ISerDes<PurchaseOrder>? orderSerDes, ISerDes<JournalEntry>? journalSerDes, BusinessMetrics businessMetrics, StoreRestorations? restorations)
    {
        this.restorations = restorations;
        this.rules = rules ?? throw new ArgumentNullException(nameof(rules));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
        this.masterDataWrites = masterDataWrites;
        this.orderSerDes = orderSerDes;
        this.journalSerDes = journalSerDes;
        ArgumentNullException.ThrowIfNull(businessMetrics);
        holdMetrics = businessMetrics.Holds;
        metrics = new ProcurementMetrics(businessMetrics);
        deadLetters = new DeadLetterFactory(clock);
    }

    /// <inheritdoc />
    public void Init(ProcessorContext<string, ProcurementOutcome> context)
    {
        this.context = context;
        orders = (IKeyValueStore<string, string>)context.GetStateStore(ProcurementNames.OrderStore);
        commitments = (IKeyValueStore<string, Commitment>)context.GetStateStore(ProcurementNames.CommitmentStore);
        journals = (IKeyValueStore<string, string>)context.GetStateStore(ProcurementNames.JournalStore);
        ledger = new BudgetLedger(
            (IKeyValueStore<string, Money>)context.GetStateStore(ProcurementNames.CommittedStore),
            (IKeyValueStore<string, Money>)context.GetStateStore(ProcurementNames.ActualStore));
        holds = new HoldStore((IKeyValueStore<string, HeldRecord>)context.GetStateStore(ProcurementNames.HoldStore), ProcurementNames.HoldStore, holdMetrics);
        var global = context.GetStateStore(ProcurementNames.MasterDataStore) as IKeyValueStore<string, ValueAndTimestamp<MasterDataHistory>>
            ?? throw new InvalidOperationException($"Global store {ProcurementNames.MasterDataStore} is missing or not a timestamped key-value store: build the topology with ProcurementTopology.Build.");
        IMasterDataLookup reads = new StateStoreMasterDataLookup(global);
        reader = new MasterDataReader(masterDataWrites is null ? reads : new CachedMasterDataLookup(reads, new MasterDataLookupCache(masterDataWrites)));
        restoration = TaskRestoration.For(context, restorations,
            ProcurementNames.OrderStore, ProcurementNames.CommitmentStore, ProcurementNames.CommittedStore, ProcurementNames.ActualStore,
            ProcurementNames.JournalStore, ProcurementNames.HoldStore);
        restoration.Schedule(context, options.HoldCheckInterval, () =>
        {
            SweepIfMasterDataChanged();
            CountHeldOrders();
        });
    }

    /// <inheritdoc />
    public Record<string, ProcurementOutcome>? Process(Record<string, ProcurementEvent> record)
    {
        _ = reader ?? throw new InvalidOperationException($"{nameof(ProcurementDecider)} processed a record before Init.");
        restoration?.RecordArrived();
        var origin = OriginOf(record);
        if (record.Value.Journal is { } journal)
        {
            if (CountActuals(record.Key, journal, record.Headers, origin) is { } failed)
                Forward(record.Key, failed, DeadLetterHeaders.For(failed.DeadLetter!, record.Headers));
            return null;
        }
        var order = record.Value.Order!;
        Forward(record.Key, DecideArrival(order, record.Headers, origin), record.Headers);
        ReleaseFreedBudget();
        return null;
    }

    /// <inheritdoc />
    public void Close()
    {
        holds?.Close();
        // This task's held orders leave the instance's gauges with it; the next owner counts them from the store.
        metrics.Moved(tally, HeldTally.Empty);
        tally = HeldTally.Empty;
        holdsChanged = true;
    }

    private ProcurementOutcome DecideArrival(PurchaseOrder order, Headers? headers, DeadLetterOrigin origin)
    {
        var state = StateOf(order.poNumber);
        if (state is { IsFinal: true })
            return Ignored(order, $"PO {order.poNumber} is already {state.Stage.ToString().ToLowerInvariant()}", origin);
        switch (order.status)
        {
            case PurchaseOrderStatus.CANCELLED:
                return End(order, state, CommitmentKind.REVERSE, origin);
            case PurchaseOrderStatus.CLOSED:
                return End(order, state, CommitmentKind.CLOSE, origin);
            case PurchaseOrderStatus.APPROVED when state is { Stage: OrderStage.Committed or OrderStage.Held } && order.revision <= state.Revision:
                return Ignored(order, $"revision {order.revision} of PO {order.poNumber} is not newer than revision {state.Revision} ({state.Stage.ToString().ToLowerInvariant()})", origin);
            case PurchaseOrderStatus.APPROVED:
                return Decide(order, state, headers, origin, null, null);
            default:
                if (state is not null)
                    return Ignored(order, $"a draft does not change PO {order.poNumber}, already {state.Stage.ToString().ToLowerInvariant()}", origin);
                orders!.Put(order.poNumber, new OrderState(OrderStage.Draft, order.revision, null, null, Nothing).ToString());
                return new ProcurementOutcome(order.poNumber)
                {
                    Status = ProcurementRecords.Status(order, BusinessStatus.RECEIVED, "draft: only an approved order is committed", clock.GetUtcNow()),
                    Facts = [ProcurementAudit.Ignored(order, "draft: only an approved order is committed", origin)],
                };
        }
    }

    /// <summary>Judges an approved revision: commits it (reserving its difference on every key) or holds it (reserving nothing more).</summary>
    private ProcurementOutcome Decide(PurchaseOrder order, OrderState? state, Headers? headers, DeadLetterOrigin origin, HeldRecord? releasedFrom, string? releaseCause)
    {
        var assessment = rules.Evaluate(order, reader!);
        var reserved = state?.Reserved ?? Nothing;
        if (!assessment.IsCommittable)
            return WithEnrichment(Hold(order, state, assessment.Violations, null, headers, origin, releasedFrom), order, assessment, origin);
        var needs = assessment.Requirements.Select(r => r with { Amount = r.Amount - reserved.GetValueOrDefault(r.BudgetKey) }).ToList();
        var exceeded = BudgetRule.Check(order.poNumber, needs, ledger!.PositionOf);
        if (exceeded.Count > 0)
            return WithEnrichment(Hold(order, state, exceeded, needs.First(n => !ledger.PositionOf(n).Covers(n.Amount)), headers, origin, releasedFrom), order, assessment, origin);
        return WithEnrichment(Commit(order, state, assessment, origin, releasedFrom, releaseCause), order, assessment, origin);
    }

    /// <summary>The decision's facts led by what was taken from master data to reach it; unchanged when nothing was, or the decision records nothing.</summary>
    private static ProcurementOutcome WithEnrichment(ProcurementOutcome outcome, PurchaseOrder order, PurchaseOrderAssessment assessment, DeadLetterOrigin origin) =>
        outcome.Facts.Count > 0 && ProcurementAudit.Enriched(order, assessment, origin) is { } enriched
            ? outcome with { Facts = [enriched, .. outcome.Facts] }
            : outcome;

    private ProcurementOutcome Commit(PurchaseOrder order, OrderState? state, PurchaseOrderAssessment assessment, DeadLetterOrigin origin, HeldRecord? releasedFrom, string? releaseCause)
    {
        var now = clock.GetUtcNow();
        var reserved = state?.Reserved ?? Nothing;
        var next = assessment.Requirements.ToDictionary(r => r.BudgetKey, r => r.Amount, StringComparer.Ordinal);
        foreach (var requirement in assessment.Requirements)
            ledger!.Reserve(requirement.BudgetKey, requirement.Amount - reserved.GetValueOrDefault(requirement.BudgetKey), requirement.Currency);
        foreach (var (key, amount) in reserved.Where(r => !next.ContainsKey(r.Key)))
            ledger!.Reserve(key, -amount, ledger.CommittedCurrency(key) ?? assessment.FunctionalCurrency!);
        budgetFreed |= reserved.Any(r => r.Value > next.GetValueOrDefault(r.Key));

        var previous = state?.CommittedRevision is null ? null : commitments!.Get(order.poNumber);
        var commitment = ProcurementRecords.Commitment(order, assessment, previous, now);
        commitments!.Put(order.poNumber, commitment);
        var facts = new List<Kafka.Audit.AuditFact>();
        var holdEnds = false;
        if (state?.HoldKey is { } holdKey)
        {
            var heldSince = releasedFrom?.HeldSince() ?? holds!.Get(holdKey)?.HeldSince() ?? now;
            holds!.Release(holdKey);
            holdEnds = true;
            facts.Add(ProcurementAudit.Released(order, heldSince, releaseCause ?? $"revision {order.revision} commits", origin));
        }
        orders!.Put(order.poNumber, new OrderState(OrderStage.Committed, order.revision, order.revision, null, next).ToString());
        facts.Add(ProcurementAudit.Committed(order, commitment, origin));
        // The approval time; the Coupa and X12 850 profiles send none, so the source's time of the approved revision stands in.
        var approvedAt = AvroTimestamps.Utc(order.approvedAt ?? order.envelope.eventTime);
        metrics.CommittedAfter(order.legalEntityId, now - new DateTimeOffset(approvedAt));
        return new ProcurementOutcome(order.poNumber)
        {
            Commitment = commitment,
            HoldEnds = holdEnds,
            Status = ProcurementRecords.Status(order, BusinessStatus.COMMITTED, $"{commitment.kind} {commitment.commitmentId}", now),
            Facts = facts,
        };
    }

    private ProcurementOutcome Hold(
        PurchaseOrder order, OrderState? state, IReadOnlyList<Violation> violations, BudgetRequirement? need, Headers? headers, DeadLetterOrigin origin, HeldRecord? releasedFrom)
    {
        var now = clock.GetUtcNow();
        var reasons = violations.Select(v => new HoldReason { code = v.Code, field = v.Field, message = v.Message, awaits = v.Awaits ?? $"{v.Code}:{v.Value}" }).ToList();
        // Looked at again and held for the same first reason, in the same words: nothing new to say.
        if (releasedFrom is not null && releasedFrom.reasons.Count > 0 && releasedFrom.reasons[0].code == reasons[0].code && releasedFrom.reasons[0].message == reasons[0].message)
            return new ProcurementOutcome(order.poNumber);

        var serDes = orderSerDes ?? throw new InvalidOperationException($"{nameof(ProcurementDecider)} was built without the SerDes of ingest.purchase-orders and cannot keep a held order: build the topology with ProcurementTopology.Build.");
        var heldAt = releasedFrom?.HeldSince() ?? now;
        var holdKey = state?.HoldKey ?? HoldKeyOf(now, order.poNumber);
        if (state?.HoldKey is { } existing && releasedFrom is null && holds!.Get(existing) is { } earlier)
            heldAt = earlier.HeldSince();
        var raw = serDes.Serialize(order, new SerializationContext(MessageComponentType.Value, Topics.PurchaseOrders.Name, headers));
        holds!.Hold(holdKey, HeldRecords.Of(order.poNumber, raw, headers, origin, heldAt, reasons));
        orders!.Put(order.poNumber, new OrderState(OrderStage.Held, order.revision, state?.CommittedRevision, holdKey, state?.Reserved ?? Nothing).ToString());
        var hold = ProcurementRecords.Hold(order, violations, need, need is null ? null : ledger!.PositionOf(need), heldAt, now);
        return new ProcurementOutcome(order.poNumber)
        {
            Hold = hold,
            Status = ProcurementRecords.Status(order, BusinessStatus.HELD, $"{hold.reasonCode}: {hold.message}", now),
            Facts = [ProcurementAudit.Held(order, hold, origin)],
        };
    }

    /// <summary>A cancellation (REVERSE) or close (CLOSE): releases what is committed, ends a hold, and makes the order final.</summary>
    private ProcurementOutcome End(PurchaseOrder order, OrderState? state, CommitmentKind kind, DeadLetterOrigin origin)
    {
        var now = clock.GetUtcNow();
        var facts = new List<Kafka.Audit.AuditFact>();
        Commitment? release = null;
        if (state?.CommittedRevision is not null && commitments!.Get(order.poNumber) is { } last)
        {
            foreach (var (key, amount) in state.Reserved)
                ledger!.Reserve(key, -amount, ledger.CommittedCurrency(key) ?? last.functionalTotal!.currency);
            budgetFreed |= state.Reserved.Values.Any(v => v > 0m);
            release = ProcurementRecords.Release(last, order, kind, now);
            commitments.Put(order.poNumber, release);
            facts.Add(ProcurementAudit.Committed(order, release, origin));
        }
        var holdEnds = false;
        if (state?.HoldKey is { } holdKey)
        {
            holds!.Release(holdKey);
            holdEnds = true;
            facts.Add(ProcurementAudit.Released(order, now, kind == CommitmentKind.REVERSE ? "the order was cancelled" : "the order was closed", origin));
        }
        if (facts.Count == 0)
            facts.Add(ProcurementAudit.Ignored(order, $"PO {order.poNumber} {(kind == CommitmentKind.REVERSE ? "cancelled" : "closed")} before anything was committed or held", origin));
        var stage = kind == CommitmentKind.REVERSE ? OrderStage.Cancelled : OrderStage.Closed;
        orders!.Put(order.poNumber, new OrderState(stage, Math.Max(order.revision, state?.Revision ?? 0), state?.CommittedRevision, null, Nothing).ToString());
        return new ProcurementOutcome(order.poNumber)
        {
            Commitment = release,
            HoldEnds = holdEnds,
            Status = ProcurementRecords.Status(order, stage == OrderStage.Cancelled ? BusinessStatus.CANCELLED : BusinessStatus.CLOSED,
                release is null ? "nothing was committed" : $"{release.kind} {release.commitmentId}", now),
            Facts = facts,
        };
    }

    private ProcurementOutcome Ignored(PurchaseOrder order, string reason, DeadLetterOrigin origin) =>
        new(order.poNumber) { Facts = [ProcurementAudit.Ignored(order, reason, origin)] };

    /// <summary>Looks at the held orders again after a master-data change: the punctuator's work.</summary>
    private void SweepIfMasterDataChanged()
    {
        if (masterDataWrites is null || holds!.Count == 0 || masterDataWrites.Generation == sweptGeneration)
            return;
        // Taken before the rules read anything: a change racing the sweep makes the next one due.
        sweptGeneration = masterDataWrites.Generation;
        Sweep("master data changed (budget, supplier, employee or rate)");
        ReleaseFreedBudget();
    }

    /// <summary>While this task's own decisions free budget, looks at the held orders again, oldest first.</summary>
    private void ReleaseFreedBudget()
    {
        while (budgetFreed && holds!.Count > 0)
        {
            budgetFreed = false;
            Sweep("budget was released on the key (a cancellation, a close or a lowered revision)");
        }
        budgetFreed = false;
    }

    /// <summary>Evaluates every held order again in key order (oldest first), in batches of bounded memory, forwarding what changes.</summary>
    private void Sweep(string cause)
    {
        string? after = null;
        while (true)
        {
            var batch = holds!.After(after, SweepBatch);
            foreach (var (key, held) in batch)
            {
                var headers = held.HeadersOf();
                PurchaseOrder order;
                try
                {
                    order = orderSerDes!.Deserialize(held.rawValue, new SerializationContext(MessageComponentType.Value, Topics.PurchaseOrders.Name, headers));
                }
                catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
                {
                    holds.Release(key);
                    var failure = new Failure(ReasonCode.ProcessingFailed,
                        $"Held purchase order {held.KeyOf()} could not be read back from {ProcurementNames.HoldStore}: {e.Message} {ReasonCode.ProcessingFailed.Remedy}") { Exception = e };
                    var deadLetter = deadLetters.Create(failure, held.ToFailedRecord(), ProcurementNames.Decide);
                    Forward(held.KeyOf() ?? key, new ProcurementOutcome(held.KeyOf() ?? key) { DeadLetter = deadLetter, HoldEnds = held.KeyOf() is not null }, DeadLetterHeaders.For(deadLetter, headers, e));
                    continue;
                }
                var state = StateOf(order.poNumber);
                if (state?.HoldKey != key)
                {
                    // Left behind by a decision that ended the hold under another key: the order is decided elsewhere.
                    holds.Release(key);
                    holdsChanged = true;
                    continue;
                }
                Forward(order.legalEntityId, Decide(order, state, headers, held.OriginOf(), held, cause), headers);
            }
            if (batch.Count < SweepBatch)
                return;
            after = batch[^1].Key;
        }
    }

    /// <summary>Counts a posted journal's cost-center lines as actuals of their budget keys (debits add, credits subtract), once per reconciliation id; a dead-letter outcome when it cannot be placed.</summary>
    private ProcurementOutcome? CountActuals(string key, JournalEntry journal, Headers? headers, DeadLetterOrigin origin)
    {
        if (journals!.Get(journal.reconciliationId) is not null)
            return null;
        var date = DateOnly.FromDateTime(journal.postingDate);
        var period = reader!.PeriodContaining(journal.legalEntityId, date);
        if (!period.IsFound)
        {
            var raw = journalSerDes?.Serialize(journal, new SerializationContext(MessageComponentType.Value, Topics.JournalPostings.Name, headers));
            var failure = new Failure(ReasonCode.ClosedPeriod,
                $"Journal {journal.reconciliationId} cannot count as actuals on its budget keys: {period.Absence}. Load the accounting period, then replay the journal from {Topics.JournalPostings.Name}.")
            {
                CorrelationId = journal.envelope.correlationId,
                IdempotencyKey = journal.envelope.idempotencyKey,
            };
            return new ProcurementOutcome(journal.reconciliationId)
            {
                DeadLetter = deadLetters.Create(failure, new FailedRecord(origin, Encoding.UTF8.GetBytes(key), raw, headers), ProcurementNames.Decide),
            };
        }
        foreach (var line in journal.lines.Where(l => l.costCenterId is not null))
        {
            var amount = line.amount.ToDecimal();
            ledger!.AddActual(LookupKeys.Budget(line.projectId ?? line.costCenterId!, period.Value!.periodId), line.side == JournalSide.DEBIT ? amount : -amount, journal.currency);
        }
        journals.Put(journal.reconciliationId, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return null;
    }

    private void Forward(string key, ProcurementOutcome outcome, Headers? headers)
    {
        if (outcome.Commitment is null && outcome.Hold is null && !outcome.HoldEnds && outcome.Status is null && outcome.DeadLetter is null && outcome.Facts.Count == 0)
            return;
        if (outcome.Commitment is { } commitment)
            metrics.Committed(commitment.kind.ToString());
        if (outcome.Hold is { } hold)
            metrics.Held(hold.reasonCode);
        holdsChanged |= outcome.Hold is not null || outcome.HoldEnds;
        context!.SetHeaders(headers ?? new Headers());
        context.Forward(key, outcome);
    }

    /// <summary>
    /// Sets the held-now gauges from the hold store after holds changed (the punctuator's work, so a burst of holds
    /// costs one pass): every held order read back, counted by entity and by the reason that decides its hold.
    /// </summary>
    private void CountHeldOrders()
    {
        if (!holdsChanged || orderSerDes is null)
            return;
        holdsChanged = false;
        var next = HeldTally.Of(HeldOrders());
        metrics.Moved(tally, next);
        tally = next;
    }

    /// <summary>Every held order this task keeps, with its deciding reason code; one that cannot be read back is left to the sweep.</summary>
    private IEnumerable<(PurchaseOrder Order, string Reason)> HeldOrders()
    {
        string? after = null;
        while (true)
        {
            var batch = holds!.After(after, SweepBatch);
            foreach (var (_, held) in batch)
            {
                PurchaseOrder? order = null;
                try
                {
                    order = orderSerDes!.Deserialize(held.rawValue, new SerializationContext(MessageComponentType.Value, Topics.PurchaseOrders.Name, held.HeadersOf()));
                }
                catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
                {
                    // Dead-lettered with its reason by the next sweep that reads it.
                }
                if (order is not null)
                    yield return (order, held.reasons.Count > 0 ? held.reasons[0].code : ReasonCode.ProcessingFailed.Code);
            }
            if (batch.Count < SweepBatch)
                yield break;
            after = batch[^1].Key;
        }
    }

    private OrderState? StateOf(string poNumber) => orders!.Get(poNumber) is { } text ? OrderState.Parse(text) : null;

    /// <summary>The hold key: first-held time (UTC ticks, fixed width) then the PO number, so key order is oldest first.</summary>
    public static string HoldKeyOf(DateTimeOffset heldAt, string poNumber) =>
        $"{heldAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}|{poNumber}";

    private static DeadLetterOrigin OriginOf(Record<string, ProcurementEvent> record) =>
        record.TopicPartitionOffset is { Topic: not null } position
            ? DeadLetterOrigin.FromTopic(position.Topic, position.Partition.Value, position.Offset.Value)
            : DeadLetterOrigin.Unknown;
}
