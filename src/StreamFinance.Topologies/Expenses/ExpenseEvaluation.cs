using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Topologies.Expenses;

/// <summary>
/// What the expense rules made of one line (<see cref="ExpenseEvaluator"/>): the approved expense, or every violation
/// with the failure it is dead-lettered with; and whether it only waits for master data that has not arrived yet.
/// </summary>
public sealed class ExpenseEvaluation
{
    private ExpenseEvaluation(ApprovedExpense? approved, IReadOnlyList<Violation> violations, Failure? failure)
    {
        Approved = approved;
        Violations = violations;
        Failure = failure;
    }

    /// <summary>The approved expense; null when the line breaks a rule.</summary>
    public ApprovedExpense? Approved { get; }

    /// <summary>Every violation, in rule order (master data, FX, period, receipt, limits); empty when approved.</summary>
    public IReadOnlyList<Violation> Violations { get; }

    /// <summary>The failure the line is dead-lettered with (reason of the first violation, every message); null when approved.</summary>
    public Failure? Failure { get; }

    /// <summary>
    /// True when the line fails only because master data has not arrived yet: every violation has
    /// <see cref="Violation.Awaits"/>. Such a line waits and is evaluated again when master data changes; a line with
    /// any violation of known master data (or of the policy) is dead-lettered at once.
    /// </summary>
    public bool AwaitsMasterData => Violations.Count > 0 && Violations.All(v => v.Awaits is not null);

    /// <summary>The approved expense or the failure, as the routing step takes it.</summary>
    public ProcessingOutcome<ApprovedExpense> Outcome => Approved ?? ProcessingOutcome<ApprovedExpense>.Failed(Failure!);

    /// <summary>An approved line.</summary>
    public static ExpenseEvaluation Approve(ApprovedExpense approved) => new(approved ?? throw new ArgumentNullException(nameof(approved)), [], null);

    /// <summary>A line that breaks the rules named by <paramref name="violations"/>, to be dead-lettered with <paramref name="failure"/> unless it only waits.</summary>
    public static ExpenseEvaluation Reject(IReadOnlyList<Violation> violations, Failure failure)
    {
        ArgumentNullException.ThrowIfNull(violations);
        ArgumentOutOfRangeException.ThrowIfZero(violations.Count, nameof(violations));
        return new(null, violations, failure ?? throw new ArgumentNullException(nameof(failure)));
    }
}
