using StreamFinance.Contracts.Common;
using StreamFinance.Kafka.State;

namespace StreamFinance.Kafka.Holds;

/// <summary>
/// "Released by rule": decides when the records of a <see cref="HoldStore"/> must be evaluated again and lets go of
/// those the rule releases or whose horizon has passed. A sweep is due when the data the rule reads has changed since
/// the last sweep (its store's <see cref="StoreWriteSignal"/> moved, e.g. every write of the master-data global
/// table) or when the longest-held record reaches the horizon; the owner asks <see cref="IsDue"/> from a wall-clock
/// punctuator and then calls <see cref="Sweep{T}"/>, which evaluates every held record with the same rule that held
/// it. Time comes from the clock given, so tests move it instead of sleeping.
/// </summary>
/// <remarks>
/// The time of a sweep grows with the records held (each is evaluated again; about 30 µs for an expense line), its
/// memory does not (batches of <see cref="BatchSize"/>). Sweeps only follow changes, so a quiet hold costs one
/// comparison per punctuation. Records are released in key order.
/// </remarks>
public sealed class HoldRelease
{
    /// <summary>Held records read from the store at a time during a sweep: 1,000.</summary>
    public const int BatchSize = 1000;

    private readonly HoldStore holds;
    private readonly StoreWriteSignal? ruleInputs;
    private readonly TimeProvider clock;
    private long sweptGeneration = long.MinValue;

    /// <summary>A release over <paramref name="holds"/>.</summary>
    /// <param name="holds">The task's hold store.</param>
    /// <param name="ruleInputs">Advanced by every change of what the rule reads; null: records leave only at the horizon.</param>
    /// <param name="horizon">How long a record may wait, counted from its first-held time.</param>
    /// <param name="clock">Now.</param>
    public HoldRelease(HoldStore holds, StoreWriteSignal? ruleInputs, TimeSpan horizon, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(horizon, TimeSpan.Zero);
        this.holds = holds ?? throw new ArgumentNullException(nameof(holds));
        this.ruleInputs = ruleInputs;
        Horizon = horizon;
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>How long a record may wait.</summary>
    public TimeSpan Horizon { get; }

    /// <summary>Whether a sweep is due: something is held, and the rule's inputs changed since the last sweep or a record reached the horizon.</summary>
    public bool IsDue =>
        holds.Count > 0
        && ((ruleInputs is not null && ruleInputs.Generation != sweptGeneration)
            || holds.EarliestHeldSince is { } earliest && earliest + Horizon <= clock.GetUtcNow());

    /// <summary>
    /// Evaluates every held record again with <paramref name="reevaluate"/> (key, held record -> verdict), in key order
    /// and in batches of <see cref="BatchSize"/>, so memory stays flat however many records are held. A record the
    /// verdict releases, or one still waiting whose horizon has passed (<see cref="ReleasedRecord{T}.Expired"/>), leaves
    /// the store and is yielded for the caller to forward; one still waiting stays, with its reasons brought up to date
    /// when they changed. Lazy: enumerate to the end, forwarding as you go.
    /// </summary>
    public IEnumerable<ReleasedRecord<T>> Sweep<T>(Func<string, HeldRecord, HoldVerdict<T>> reevaluate)
    {
        ArgumentNullException.ThrowIfNull(reevaluate);
        return SweepBatches(reevaluate);
    }

    private IEnumerable<ReleasedRecord<T>> SweepBatches<T>(Func<string, HeldRecord, HoldVerdict<T>> reevaluate)
    {
        // Taken before the rule reads anything: a change racing the sweep moves the signal past it and makes the next sweep due.
        if (ruleInputs is not null)
            sweptGeneration = ruleInputs.Generation;
        var now = clock.GetUtcNow();
        string? after = null;
        while (true)
        {
            var batch = holds.After(after, BatchSize);
            foreach (var (key, held) in batch)
            {
                var verdict = reevaluate(key, held);
                var expired = held.HeldSince() + Horizon <= now;
                if (verdict.WaitsFor is null || expired)
                {
                    holds.Release(key);
                    yield return new ReleasedRecord<T>(key, held, verdict.Outcome, Expired: verdict.WaitsFor is not null);
                }
                else if (!held.WaitsFor(verdict.WaitsFor))
                {
                    held.reasons = [.. verdict.WaitsFor];
                    holds.Hold(key, held);
                }
            }
            if (batch.Count < BatchSize)
                yield break;
            after = batch[^1].Key;
        }
    }
}
