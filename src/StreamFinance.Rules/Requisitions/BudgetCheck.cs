namespace StreamFinance.Rules.Requisitions;

/// <summary>The budget a requisition was measured against.</summary>
/// <param name="BudgetId">Business key of the budget (<c>CC-1000/US01-2026-03</c>).</param>
/// <param name="PeriodId">Accounting period the budget covers.</param>
/// <param name="BudgetAmount">The budgeted amount.</param>
/// <param name="Currency">Currency of the budget (the legal entity's functional currency).</param>
/// <param name="Requested">The requisition amount converted into <paramref name="Currency"/>.</param>
/// <param name="RemainingAfter">What is available (<paramref name="BudgetAmount"/> less <paramref name="Committed"/> and <paramref name="Actual"/>) minus <paramref name="Requested"/>; negative when exceeded.</param>
/// <param name="Basis">What the budget figure includes; see <see cref="BudgetBasis"/>.</param>
/// <param name="Committed">Open commitments deducted (0 under <see cref="BudgetBasis.BudgetedAmountWithoutCommitments"/>).</param>
/// <param name="Actual">Actuals deducted (0 under <see cref="BudgetBasis.BudgetedAmountWithoutCommitments"/>).</param>
public sealed record BudgetCheck(
    string BudgetId, string PeriodId, decimal BudgetAmount, string Currency, decimal Requested, decimal RemainingAfter, string Basis, decimal Committed = 0m, decimal Actual = 0m)
{
    /// <summary>What was available before the request: budget less open commitments less actuals.</summary>
    public decimal Available => BudgetAmount - Committed - Actual;
}
