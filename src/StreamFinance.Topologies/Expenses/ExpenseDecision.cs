using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Holds;

namespace StreamFinance.Topologies.Expenses;

/// <summary>
/// An expense line with what the decide step made of it, between that step and the routing. Never serialized. A line
/// that is only recorded (a re-delivery dropped, a line that starts to wait) has no <see cref="Outcome"/>, only
/// <see cref="Recorded"/>: it goes to the audit trail and no further.
/// </summary>
/// <param name="Line">The line as received (its bytes go into a dead letter); null only when a held line could not be read back.</param>
/// <param name="Outcome">The approved expense, or the failure to dead-letter; null for a line only recorded.</param>
/// <param name="ReleasedFrom">The held record when the line was released from <c>expense.md-waits</c> by a punctuator; null for a line decided as it arrived.</param>
public sealed record ExpenseDecision(ExpenseLine? Line, ProcessingOutcome<ApprovedExpense>? Outcome, HeldRecord? ReleasedFrom = null)
{
    /// <summary>The decision recorded in the audit trail for a line that is not routed (deduplicated, held); null for a routed line.</summary>
    public AuditFact? Recorded { get; init; }

    /// <summary>Processing attempt of the line: 1, or n+1 for its n-th replay. Default 1.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>Whether the line goes on to be approved or dead-lettered.</summary>
    public bool IsRouted => Outcome is not null;

    /// <summary>The line as received when it was released from a hold (its origin, bytes and headers), else null: the record context tells.</summary>
    public FailedRecord? ReceivedAs => ReleasedFrom?.ToFailedRecord();

    /// <summary>A line recorded as <paramref name="fact"/> and not routed.</summary>
    public static ExpenseDecision Record(ExpenseLine line, AuditFact fact) => new(line, null) { Recorded = fact ?? throw new ArgumentNullException(nameof(fact)) };
}
