using Confluent.Kafka;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.Expenses;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Holds;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;
using StreamFinance.Kafka.State;
using Streamiz.Kafka.Net.SerDes;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Topologies.Expenses;

/// <summary>
/// Expense lines waiting for master data that has not arrived yet, one task's share of
/// <see cref="ExpenseNames.MasterDataWaitStore"/>: the expense use of <see cref="HoldStore"/> and <see cref="HoldRelease"/>.
/// A line is held when every violation it has awaits master data (<see cref="ExpenseEvaluation.AwaitsMasterData"/>);
/// after a write to the master-data global table it is evaluated again by the same <see cref="ExpenseEvaluator"/>, and
/// released as approved, as dead-lettered when known master data now says no, or, still waiting at
/// <see cref="ExpenseOptions.MasterDataWaitHorizon"/>, as dead-lettered with the violations it waited on.
/// </summary>
internal sealed class ExpenseMasterDataWaits(
    HoldStore store, StoreWriteSignal? masterDataWrites, TimeSpan horizon, TimeProvider clock, ISerDes<ExpenseLine> lineSerDes, ExpenseEvaluator evaluator)
{
    private readonly HoldRelease release = new(store, masterDataWrites, horizon, clock);

    /// <summary>Whether master data changed since the last release, or a line reached the horizon.</summary>
    public bool IsDue => release.IsDue;

    /// <summary>Holds <paramref name="line"/>, read from <paramref name="origin"/> with <paramref name="headers"/>, under its idempotency key.</summary>
    public void Hold(string recordKey, ExpenseLine line, Headers? headers, DeadLetterOrigin origin, ExpenseEvaluation evaluation)
    {
        var raw = lineSerDes.Serialize(line, new SerializationContext(MessageComponentType.Value, origin.Topic, headers));
        store.Hold(line.envelope.idempotencyKey, HeldRecords.Of(recordKey, raw, headers, origin, clock.GetUtcNow(), ReasonsOf(evaluation)));
    }

    /// <summary>Evaluates every waiting line over <paramref name="masterData"/>; yields those that leave, with their decisions (lazy: enumerate to the end).</summary>
    public IEnumerable<ReleasedRecord<ExpenseDecision>> Release(IMasterDataLookup masterData, Func<Headers?, int> attemptOf) =>
        release.Sweep((_, held) => Reevaluate(held, masterData, attemptOf)).Select(r => r.Expired ? r with { Outcome = Expired(r) } : r);

    /// <summary>Lets go of the line held under <paramref name="idempotencyKey"/>, decided elsewhere (nothing when none is held).</summary>
    public void Forget(string idempotencyKey) => store.Release(idempotencyKey);

    /// <summary>Takes this task's lines off the gauge.</summary>
    public void Close() => store.Close();

    private HoldVerdict<ExpenseDecision> Reevaluate(HeldRecord held, IMasterDataLookup masterData, Func<Headers?, int> attemptOf)
    {
        var headers = held.HeadersOf();
        ExpenseLine line;
        try
        {
            line = lineSerDes.Deserialize(held.rawValue, new SerializationContext(MessageComponentType.Value, held.originTopic, headers));
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            return HoldVerdict<ExpenseDecision>.Release(new ExpenseDecision(null, new Failure(ReasonCode.ProcessingFailed,
                $"Expense line {held.KeyOf()} waited for master data but could not be read back from {ExpenseNames.MasterDataWaitStore}: {e.Message} {ReasonCode.ProcessingFailed.Remedy}")
            { Exception = e }, held));
        }

        var attempt = attemptOf(headers);
        var evaluation = evaluator.Evaluate(line, masterData, attempt);
        var decision = new ExpenseDecision(line, evaluation.Outcome, held) { Attempt = attempt };
        return evaluation.AwaitsMasterData ? HoldVerdict<ExpenseDecision>.Wait(decision, ReasonsOf(evaluation)) : HoldVerdict<ExpenseDecision>.Release(decision);
    }

    /// <summary>The decision of a line still waiting at the horizon: its failure, saying how long it waited.</summary>
    private ExpenseDecision Expired(ReleasedRecord<ExpenseDecision> expired)
    {
        var decision = expired.Outcome;
        var failure = decision.Outcome!.Failure!;
        var since = expired.Held.HeldSince().UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return decision with
        {
            Outcome = failure with
            {
                Message = $"{failure.Message} The line waited from {since} UTC for {horizon:c} ({ExpenseOptions.Section}:{nameof(ExpenseOptions.MasterDataWaitHorizon)}) without that master data arriving.",
            },
        };
    }

    private static List<HoldReason> ReasonsOf(ExpenseEvaluation evaluation) =>
        [.. evaluation.Violations.Select(v => new HoldReason { code = v.Code, field = v.Field, message = v.Message, awaits = v.Awaits! })];
}
