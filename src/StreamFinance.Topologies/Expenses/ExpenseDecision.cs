using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Topologies.DeadLetters;

namespace StreamFinance.Topologies.Expenses;

/// <summary>An expense line with what the decide step made of it, between that step and the routing. Never serialized.</summary>
/// <param name="Line">The line as received (its bytes go into a dead letter).</param>
/// <param name="Outcome">The approved expense, or the failure to dead-letter.</param>
public sealed record ExpenseDecision(ExpenseLine Line, ProcessingOutcome<ApprovedExpense> Outcome);
