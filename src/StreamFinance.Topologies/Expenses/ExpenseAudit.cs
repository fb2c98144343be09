using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.DeadLetters;
using Streamiz.Kafka.Net.Processors;

namespace StreamFinance.Topologies.Expenses;

/// <summary>
/// The audit facts of the expense topology's decisions: what the decide step made of each line (deduplicated, held,
/// released, approved; dead letters are recorded by <see cref="DeadLetterSink"/>) and what the card-purchase step
/// made of each side of a purchase (held, merged, released).
/// </summary>
public static class ExpenseAudit
{
    /// <summary>A line dropped as a re-delivery of an idempotency key already decided (or waiting).</summary>
    public static AuditFact Deduplicated(ExpenseLine line, DeadLetterOrigin origin, int attempt, string seenAs) =>
        AuditFact.About(line.envelope, AuditSteps.Deduplicated, AuditOutcome.DUPLICATE_IGNORED, line.expenseId) with
        {
            Reason = $"idempotency key {line.envelope.idempotencyKey} already {seenAs}",
            Origin = origin,
            Attempt = attempt,
            Payload = line,
        };

    /// <summary>A line that starts to wait for master data, with what it waits for.</summary>
    public static AuditFact Held(ExpenseLine line, DeadLetterOrigin origin, int attempt, ExpenseEvaluation evaluation) =>
        AuditFact.About(line.envelope, AuditSteps.Held, AuditOutcome.HELD, line.expenseId) with
        {
            Reason = string.Join("; ", evaluation.Violations.Select(v => $"{v.Code}: awaits {v.Awaits}")),
            Origin = origin,
            Attempt = attempt,
            Payload = line,
        };

    /// <summary>
    /// The facts of a routed decision: <c>released</c> first when the line left the wait, then <c>approved</c> with the
    /// approved expense (a dead letter is recorded where it is written). A released line's origin is where it was read.
    /// </summary>
    public static IEnumerable<AuditFact> Of(ExpenseDecision decision, IRecordContext context)
    {
        if (decision.Recorded is { } recorded)
        {
            yield return recorded;
            yield break;
        }
        var origin = decision.ReceivedAs?.Origin ?? OriginOf(context);
        if (decision.ReleasedFrom is { } held && decision.Line is { } waited)
            yield return AuditFact.About(waited.envelope, AuditSteps.Released, AuditOutcome.SUCCEEDED, waited.expenseId) with
            {
                Reason = decision.Outcome!.IsOk ? "master data arrived" : "decided on master data that arrived, or at the wait's horizon",
                Origin = origin,
                Attempt = decision.Attempt,
                Detail = new Dictionary<string, string> { ["heldSince"] = held.heldAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) },
            };
        if (decision.Outcome is { IsOk: true } approved)
        {
            var expense = approved.Value;
            yield return AuditFact.About(expense.expense.envelope, AuditSteps.Approved, AuditOutcome.SUCCEEDED, expense.expense.expenseId) with
            {
                Origin = origin,
                Attempt = decision.Attempt,
                Payload = expense,
                RelatedIds = string.IsNullOrEmpty(expense.expense.cardTransactionId) ? [] : [expense.expense.cardTransactionId],
                Detail = new Dictionary<string, string>
                {
                    ["legalEntityId"] = expense.legalEntityId,
                    ["glAccountId"] = expense.glAccountId,
                    ["postingPeriodId"] = expense.postingPeriodId,
                },
            };
        }
    }

    /// <summary>Where the record in hand was read; unknown in a punctuator.</summary>
    public static DeadLetterOrigin OriginOf(IRecordContext context) =>
        context.Topic is null || context.Offset < 0 ? DeadLetterOrigin.Unknown : DeadLetterOrigin.FromTopic(context.Topic, context.Partition, context.Offset);
}
