using System.Globalization;
using StreamFinance.Contracts;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.Expenses;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Topologies.DeadLetters;
using StreamFinance.Topologies.Lookups;
using StreamFinance.Topologies.State;
using Streamiz.Kafka.Net.Processors;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.State;

namespace StreamFinance.Topologies.Expenses;

/// <summary>
/// The stateful decide step: drops re-deliveries by idempotency key (<see cref="ExpenseNames.DedupeStore"/>), evaluates
/// the rest point in time over the global master-data store (<see cref="ExpenseNames.MasterDataStore"/>, reached through
/// <c>context.GetStateStore</c>: Streamiz registers global stores with every task), and records the outcome for the key.
/// A key that was approved is always dropped; one that was dead-lettered passes again only as a replay (a record with the
/// <see cref="RecordHeaders.ReplayAttempt"/> header), so replaying twice never posts twice. A wall-clock punctuator
/// forgets keys older than <see cref="ExpenseOptions.DedupeHorizonDays"/> once an hour.
/// </summary>
public sealed class ExpenseDecisionTransformer : ITransformer<string, ExpenseLine, string, ExpenseDecision>
{
    /// <summary>How often the horizon purge runs (wall clock). Fixed at one hour.</summary>
    public static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    private readonly ExpenseEvaluator evaluator;
    private readonly TimeProvider clock;
    private readonly int horizonDays;
    private IKeyValueStore<string, string>? dedupe;
    private readonly StoreWriteSignal? masterDataWrites;
    private IMasterDataLookup? masterData;

    /// <summary>
    /// Streamiz's <c>Transformer&lt;T&gt;()</c> requires a parameterless constructor: the default policy on the system
    /// clock, without a write signal, so look-ups are not remembered.
    /// </summary>
    public ExpenseDecisionTransformer()
        : this(new ExpensePolicy(ExpenseOptions.Default()), new FxFallbackPolicy(), TimeProvider.System, null)
    {
    }

    /// <summary>The transformer Streamiz creates per task.</summary>
    /// <param name="policy">The expense policy.</param>
    /// <param name="fxFallback">How far back an FX rate may come from.</param>
    /// <param name="clock">Today, for periods and horizons.</param>
    /// <param name="masterDataWrites">Advanced by every write to the master-data store; with it, look-ups are remembered until the next write. Null: every look-up reads the store.</param>
    public ExpenseDecisionTransformer(ExpensePolicy policy, FxFallbackPolicy fxFallback, TimeProvider clock, StoreWriteSignal? masterDataWrites)
    {
        this.masterDataWrites = masterDataWrites;
        ArgumentNullException.ThrowIfNull(policy);
        evaluator = new ExpenseEvaluator(policy, fxFallback, clock);
        this.clock = clock;
        horizonDays = policy.Options.DedupeHorizonDays;
    }

    /// <inheritdoc />
    public void Init(ProcessorContext<string, ExpenseDecision> context)
    {
        dedupe = (IKeyValueStore<string, string>)context.GetStateStore(ExpenseNames.DedupeStore);
        var global = context.GetStateStore(ExpenseNames.MasterDataStore) as IKeyValueStore<string, ValueAndTimestamp<MasterDataHistory>>
            ?? throw new InvalidOperationException($"Global store {ExpenseNames.MasterDataStore} is missing or not a timestamped key-value store: build the topology with ExpenseTopology.Build.");
        // Remembered per task and voided by every write of the global thread to the store (see MasterDataLookupCache).
        IMasterDataLookup reads = new StateStoreMasterDataLookup(global);
        masterData = masterDataWrites is null ? reads : new CachedMasterDataLookup(reads, new MasterDataLookupCache(masterDataWrites));
        context.Schedule(PurgeInterval, PunctuationType.PROCESSING_TIME, _ => Purge());
    }

    /// <inheritdoc />
    public Record<string, ExpenseDecision>? Process(Record<string, ExpenseLine> record)
    {
        var store = dedupe ?? throw new InvalidOperationException($"{nameof(ExpenseDecisionTransformer)} processed a record before Init.");
        var line = record.Value;
        var key = line.envelope.idempotencyKey;
        var attempt = ReplayAttempt(record);
        var seen = store.Get(key) is { } stored ? DedupeEntry.Parse(stored) : null;
        if (seen is not null && seen.Drops(isReplay: attempt > 1))
        {
            ExpenseMetrics.Line(ExpenseMetrics.Duplicate);
            return null;
        }

        var outcome = evaluator.Evaluate(line, masterData!, attempt);
        var entry = new DedupeEntry(outcome.IsOk ? DedupeOutcome.Approved : DedupeOutcome.DeadLettered, seen?.FirstSeen ?? Today);
        store.Put(key, entry.ToString());
        ExpenseMetrics.Line(outcome.IsOk ? ExpenseMetrics.Approved : ExpenseMetrics.DeadLettered);
        return Record<string, ExpenseDecision>.Create(record.Key, new ExpenseDecision(line, outcome), record.Headers);
    }

    /// <inheritdoc />
    public void Close()
    {
    }

    /// <summary>1 for an original delivery; the replay header's attempt plus one for a replay.</summary>
    private static int ReplayAttempt(Record<string, ExpenseLine> record) =>
        record.Headers is { } headers && DeadLetterHeaders.Read(headers, RecordHeaders.ReplayAttempt) is { } text
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var replay) && replay > 0
            ? replay + 1
            : 1;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private void Purge()
    {
        var store = dedupe!;
        var today = Today;
        var expired = store.All().Where(e => e.Value is not null && DedupeEntry.Parse(e.Value).IsExpired(today, horizonDays)).Select(e => e.Key).ToList();
        foreach (var key in expired)
            store.Delete(key);
    }
}
