using System.Globalization;
using Confluent.Kafka;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.Expenses;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Holds;
using StreamFinance.Kafka.Observability;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;
using StreamFinance.Kafka.State;
using Streamiz.Kafka.Net.Processors;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;
using StreamFinance.Rules.Expenses;

namespace StreamFinance.Topologies.Expenses;

/// <summary>
/// The stateful decide step: drops re-deliveries by idempotency key (<see cref="ExpenseNames.DedupeStore"/>), evaluates
/// the rest point in time over the global master-data store (<see cref="ExpenseNames.MasterDataStore"/>, reached through
/// <c>context.GetStateStore</c>: Streamiz registers global stores with every task), and records the outcome for the key.
/// A key that was approved, or whose line waits, is always dropped; one that was dead-lettered passes again only as a
/// replay (a record with the <see cref="RecordHeaders.ReplayAttempt"/> header), so replaying twice never posts twice.
/// The record that decided a key, read again from the same position after a failure, is decided again, as of its first
/// decision (<see cref="DedupeEntry.IsRedo"/>): its first outputs may have been lost with the failed task.
/// A dropped re-delivery and a line that starts to wait are forwarded as recorded-only decisions
/// (<see cref="ExpenseDecision.Recorded"/>), for the audit trail.
/// </summary>
/// <remarks>
/// A line that fails only because master data has not arrived yet is not decided: it waits in
/// <see cref="ExpenseNames.MasterDataWaitStore"/> (<see cref="ExpenseMasterDataWaits"/>). Every
/// <see cref="ExpenseOptions.MasterDataWaitCheckInterval"/> of wall-clock time, when the master-data store was written
/// since the last check or a line reached <see cref="ExpenseOptions.MasterDataWaitHorizon"/>, the waiting lines are
/// evaluated again and those that leave are forwarded with their origin and headers, into the same routing as fresh
/// lines. A wall-clock punctuator forgets keys older than <see cref="ExpenseOptions.DedupeHorizonDays"/> once an hour.
/// </remarks>
public sealed class ExpenseDecisionTransformer : ITransformer<string, ExpenseLine, string, ExpenseDecision>
{
    /// <summary>How often the horizon purge runs (wall clock). Fixed at one hour.</summary>
    public static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    private readonly ExpenseEvaluator evaluator;
    private readonly ExpenseOptions options;
    private readonly TimeProvider clock;
    private readonly StoreWriteSignal? masterDataWrites;
    private readonly ISerDes<ExpenseLine>? lineSerDes;
    private readonly ExpenseMetrics metrics;
    private readonly HoldMetrics holdMetrics;
    private readonly StoreRestorations? restorations;
    private TaskRestoration? restoration;
    private ProcessorContext<string, ExpenseDecision>? context;
    private IKeyValueStore<string, string>? dedupe;
    private IMasterDataLookup? masterData;
    private ExpenseMasterDataWaits? waits;

    /// <summary>
    /// Streamiz's <c>Transformer&lt;T&gt;()</c> requires a parameterless constructor: the default policy on the system
    /// clock, without a write signal (look-ups are not remembered, waiting lines leave only at the horizon) and without
    /// the line SerDes (a line that would wait fails the task), with metrics served nowhere: build the topology with
    /// <see cref="ExpenseTopology"/>.
    /// </summary>
    public ExpenseDecisionTransformer()
        : this(new ExpensePolicy(ExpenseOptions.Default()), new FxFallbackPolicy(), TimeProvider.System, null, null,
            new ExpenseMetrics(BusinessMetrics.Detached()), BusinessMetrics.Detached().Holds, null)
    {
    }

    /// <summary>The transformer Streamiz creates per task.</summary>
    /// <param name="policy">The expense policy (with the dedupe and wait horizons).</param>
    /// <param name="fxFallback">How far back an FX rate may come from.</param>
    /// <param name="clock">Today, for periods and horizons.</param>
    /// <param name="masterDataWrites">Advanced by every write to the master-data store: look-ups are remembered until the next write, and waiting lines are evaluated again after it. Null: every look-up reads the store, waiting lines leave only at the horizon.</param>
    /// <param name="lineSerDes">The SerDes of <c>ingest.expenses</c>, to keep a waiting line's bytes.</param>
    /// <param name="metrics">Where expense lines are counted by outcome.</param>
    /// <param name="holdMetrics">The gauge of lines waiting for master data.</param>
    /// <param name="restorations">The stream's restorations: the punctuators release and purge nothing while the task's stores restore. Null: nothing restores (a test driver).</param>
    public ExpenseDecisionTransformer(
        ExpensePolicy policy, FxFallbackPolicy fxFallback, TimeProvider clock, StoreWriteSignal? masterDataWrites, ISerDes<ExpenseLine>? lineSerDes,
        ExpenseMetrics metrics, HoldMetrics holdMetrics, StoreRestorations? restorations)
    {
        this.restorations = restorations;
        ArgumentNullException.ThrowIfNull(policy);
        evaluator = new ExpenseEvaluator(policy, fxFallback, clock);
        options = policy.Options;
        this.clock = clock;
        this.masterDataWrites = masterDataWrites;
        this.lineSerDes = lineSerDes;
        this.metrics = metrics;
        this.holdMetrics = holdMetrics;
    }

    /// <inheritdoc />
    public void Init(ProcessorContext<string, ExpenseDecision> context)
    {
        this.context = context;
        dedupe = (IKeyValueStore<string, string>)context.GetStateStore(ExpenseNames.DedupeStore);
        var global = context.GetStateStore(ExpenseNames.MasterDataStore) as IKeyValueStore<string, ValueAndTimestamp<MasterDataHistory>>
            ?? throw new InvalidOperationException($"Global store {ExpenseNames.MasterDataStore} is missing or not a timestamped key-value store: build the topology with ExpenseTopology.Build.");
        // Remembered per task and voided by every write of the global thread to the store (see MasterDataLookupCache).
        IMasterDataLookup reads = new StateStoreMasterDataLookup(global);
        masterData = masterDataWrites is null ? reads : new CachedMasterDataLookup(reads, new MasterDataLookupCache(masterDataWrites));
        var held = new HoldStore((IKeyValueStore<string, HeldRecord>)context.GetStateStore(ExpenseNames.MasterDataWaitStore), ExpenseNames.MasterDataWaitStore, holdMetrics);
        waits = lineSerDes is null ? null : new ExpenseMasterDataWaits(held, masterDataWrites, options.MasterDataWaitHorizon, clock, lineSerDes, evaluator);
        // Punctuated only once the stores are restored: a line released from part of the wait store would be held again
        // by the rest of the restore, and released a second time.
        restoration = TaskRestoration.For(context, restorations, ExpenseNames.DedupeStore, ExpenseNames.MasterDataWaitStore);
        restoration.Schedule(context, PurgeInterval, Purge);
        restoration.Schedule(context, options.MasterDataWaitCheckInterval, ReleaseWaiting);
    }

    /// <inheritdoc />
    public Record<string, ExpenseDecision>? Process(Record<string, ExpenseLine> record)
    {
        var store = dedupe ?? throw new InvalidOperationException($"{nameof(ExpenseDecisionTransformer)} processed a record before Init.");
        restoration?.RecordArrived();
        var line = record.Value;
        var key = line.envelope.idempotencyKey;
        var attempt = ReplayAttempt(record.Headers);
        var seen = store.Get(key) is { } stored ? DedupeEntry.Parse(stored) : null;
        var identity = DedupeEntry.IdentityOf(record);
        if (seen is not null && seen.Drops(isReplay: attempt > 1, identity))
        {
            metrics.Line(ExpenseMetrics.Duplicate);
            return Recorded(record, ExpenseAudit.Deduplicated(line, OriginOf(record), attempt, seen.Outcome switch { DedupeOutcome.Approved => "approved", DedupeOutcome.DeadLettered => "dead-lettered", _ => "waiting for master data" }));
        }

        // A redo of a decided line is decided as of its first decision: the same approval time and period, the same bytes.
        var redoOf = seen is { Outcome: not DedupeOutcome.Held, DecidedAt: { } first } && seen.IsRedo(identity) ? first : (DateTimeOffset?)null;
        var decidedAt = redoOf ?? clock.GetUtcNow();
        var evaluation = evaluator.Evaluate(line, masterData!, attempt, decidedAt);
        if (evaluation.AwaitsMasterData)
        {
            var wait = waits ?? throw new InvalidOperationException($"{nameof(ExpenseDecisionTransformer)} was built without the SerDes of ingest.expenses and cannot keep a waiting line: build the topology with ExpenseTopology.Build.");
            wait.Hold(record.Key, line, record.Headers, OriginOf(record), evaluation);
            Remember(key, DedupeOutcome.Held, seen, identity, decidedAt);
            metrics.Line(ExpenseMetrics.Held);
            return Recorded(record, ExpenseAudit.Held(line, OriginOf(record), attempt, evaluation));
        }

        if (seen is { Outcome: DedupeOutcome.Held } && seen.IsRedo(identity))
            // The redo of a line that waited is decided now: it leaves the wait, or its release would decide it twice.
            waits?.Forget(key);
        Remember(key, evaluation.Outcome.IsOk ? DedupeOutcome.Approved : DedupeOutcome.DeadLettered, seen, identity, decidedAt);
        metrics.Line(evaluation.Outcome.IsOk ? ExpenseMetrics.Approved : ExpenseMetrics.DeadLettered);
        return Record<string, ExpenseDecision>.Create(record.Key, new ExpenseDecision(line, evaluation.Outcome) { Attempt = attempt }, record.Headers);
    }

    /// <inheritdoc />
    public void Close() => waits?.Close();

    /// <summary>Forwards the waiting lines that leave, each with its own key and headers, and records their outcome.</summary>
    private void ReleaseWaiting()
    {
        if (waits is not { IsDue: true } due)
            return;
        foreach (var released in due.Release(masterData!, ReplayAttempt))
        {
            var outcome = released.Outcome.Outcome!;
            var approved = outcome.IsOk;
            var seen = dedupe!.Get(released.Key) is { } stored ? DedupeEntry.Parse(stored) : null;
            // Kept as decided by the record that waited, when this release decided it: read again after a failure, that
            // record is decided again as of the same time, so its approval or dead letter repeats unchanged.
            var decidedAt = approved ? new DateTimeOffset(AvroTimestamps.Utc(outcome.Value.envelope.eventTime)) : outcome.Failure!.FailedAt ?? clock.GetUtcNow();
            Remember(released.Key, approved ? DedupeOutcome.Approved : DedupeOutcome.DeadLettered, seen, seen?.DecidedBy, decidedAt);
            metrics.Line(ExpenseMetrics.Released);
            metrics.Line(approved ? ExpenseMetrics.Approved : ExpenseMetrics.DeadLettered);
            // A punctuator's record context is empty: the line leaves with the headers it arrived with.
            context!.SetHeaders(released.Held.HeadersOf());
            context.Forward(released.Held.KeyOf()!, released.Outcome);
        }
    }

    /// <summary>A line that is only recorded in the audit trail (not routed), with its key and headers.</summary>
    private static Record<string, ExpenseDecision> Recorded(Record<string, ExpenseLine> record, AuditFact fact) =>
        Record<string, ExpenseDecision>.Create(record.Key, ExpenseDecision.Record(record.Value, fact), record.Headers);

    private void Remember(string key, DedupeOutcome outcome, DedupeEntry? seen, string? identity, DateTimeOffset decidedAt) =>
        dedupe!.Put(key, new DedupeEntry(outcome, seen?.FirstSeen ?? Today, identity, identity is null ? null : decidedAt).ToString());

    /// <summary>1 for an original delivery; the replay header's attempt plus one for a replay.</summary>
    private static int ReplayAttempt(Headers? headers) =>
        headers is not null && DeadLetterHeaders.Read(headers, RecordHeaders.ReplayAttempt) is { } text
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var replay) && replay > 0
            ? replay + 1
            : 1;

    private static DeadLetterOrigin OriginOf(Record<string, ExpenseLine> record) =>
        record.TopicPartitionOffset is { Topic: not null } position
            ? DeadLetterOrigin.FromTopic(position.Topic, position.Partition.Value, position.Offset.Value)
            : DeadLetterOrigin.Unknown;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private void Purge()
    {
        var store = dedupe!;
        var today = Today;
        // A waiting line's key is kept whatever its age: it is recorded again when the line leaves the wait.
        var expired = store.All()
            .Where(e => e.Value is not null && DedupeEntry.Parse(e.Value) is { Outcome: not DedupeOutcome.Held } entry && entry.IsExpired(today, options.DedupeHorizonDays))
            .Select(e => e.Key).ToList();
        foreach (var key in expired)
            store.Delete(key);
    }
}
