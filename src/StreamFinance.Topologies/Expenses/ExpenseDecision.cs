using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Holds;

namespace StreamFinance.Topologies.Expenses;

/// <summary>An expense line with what the decide step made of it, between that step and the routing. Never serialized.</summary>
/// <param name="Line">The line as received (its bytes go into a dead letter); null only when a held line could not be read back.</param>
/// <param name="Outcome">The approved expense, or the failure to dead-letter.</param>
/// <param name="ReleasedFrom">The held record when the line was released from <c>expense.md-waits</c> by a punctuator; null for a line decided as it arrived.</param>
public sealed record ExpenseDecision(ExpenseLine? Line, ProcessingOutcome<ApprovedExpense> Outcome, HeldRecord? ReleasedFrom = null)
{
    /// <summary>The line as received when it was released from a hold (its origin, bytes and headers), else null: the record context tells.</summary>
    public FailedRecord? ReceivedAs => ReleasedFrom?.ToFailedRecord();
}
