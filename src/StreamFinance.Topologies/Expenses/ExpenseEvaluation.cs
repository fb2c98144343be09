using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Expenses;

namespace StreamFinance.Topologies.Expenses;

/// <summary>
/// What the expense rules made of one line (<see cref="ExpenseEvaluator"/>): the approved expense, or every violation
/// with the failure it is dead-lettered with; and whether it only waits for master data that has not arrived yet.
/// </summary>
public sealed class ExpenseEvaluation
{
    private ExpenseEvaluation(ApprovedExpense? approved, ExpenseAssessment assessment, Failure? failure)
    {
        Approved = approved;
        Assessment = assessment;
        Failure = failure;
    }

    /// <summary>The approved expense; null when the line breaks a rule.</summary>
    public ApprovedExpense? Approved { get; }

    /// <summary>The rules' verdict on the line, the same the validation API answers with.</summary>
    public ExpenseAssessment Assessment { get; }

    /// <summary>Every violation, in the precedence order of <see cref="ExpenseRules"/>; empty when approved.</summary>
    public IReadOnlyList<Violation> Violations => Assessment.Violations;

    /// <summary>The failure the line is dead-lettered with (reason of the first violation, every message, every violation structured); null when approved.</summary>
    public Failure? Failure { get; }

    /// <summary>
    /// True when the line fails only because master data has not arrived yet (<see cref="ExpenseAssessment.AwaitsMasterData"/>).
    /// Such a line waits and is evaluated again when master data changes; a line with any violation of known master
    /// data (or of the policy) is dead-lettered at once.
    /// </summary>
    public bool AwaitsMasterData => Assessment.AwaitsMasterData;

    /// <summary>The approved expense or the failure, as the routing step takes it.</summary>
    public ProcessingOutcome<ApprovedExpense> Outcome => Approved ?? ProcessingOutcome<ApprovedExpense>.Failed(Failure!);

    /// <summary>An approved line.</summary>
    public static ExpenseEvaluation Approve(ApprovedExpense approved, ExpenseAssessment assessment) =>
        new(approved ?? throw new ArgumentNullException(nameof(approved)), assessment ?? throw new ArgumentNullException(nameof(assessment)), null);

    /// <summary>A line that breaks the rules <paramref name="assessment"/> names, to be dead-lettered with <paramref name="failure"/> unless it only waits.</summary>
    public static ExpenseEvaluation Reject(ExpenseAssessment assessment, Failure failure)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentOutOfRangeException.ThrowIfZero(assessment.Violations.Count, nameof(assessment));
        return new(null, assessment, failure ?? throw new ArgumentNullException(nameof(failure)));
    }
}
