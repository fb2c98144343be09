using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.Journals;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.Topologies.Posting;

/// <summary>
/// Step 1: an approved expense that cannot be posted (see <see cref="ExpenseToPostCheck"/>: amount not at its currency's
/// minor unit, unknown currency, missing coding, half-filled intercompany fields) is dead-lettered as
/// <c>SCHEMA_INVALID</c> (owner integration support: the expense topology approved something it must not), never rounded
/// or guessed into a journal.
/// </summary>
public static class PostableCheck
{
    /// <summary>The expense itself when it can be posted, otherwise the failure naming every problem.</summary>
    public static ProcessingOutcome<ApprovedExpense> Apply(string key, ApprovedExpense approved)
    {
        ArgumentNullException.ThrowIfNull(approved);
        var problems = ExpenseToPostCheck.Problems(ApprovedExpenseToPost.From(approved));
        return problems.Count == 0
            ? approved
            : ProcessingOutcome<ApprovedExpense>.Failed(ReasonCode.SchemaInvalid,
                $"Approved expense '{key}' cannot be posted: {string.Join(" ", problems)}");
    }
}
