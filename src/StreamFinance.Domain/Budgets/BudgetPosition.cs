namespace StreamFinance.Domain.Budgets;

/// <summary>
/// Where one budget key (a cost center or project in one fiscal period) stands: the budgeted amount, what open
/// commitments hold and what the product has posted against it, all in the budget's currency. The one definition of
/// "available" (<c>budget - open commitments - actuals</c>) the procurement topology decides on and the API reports.
/// </summary>
/// <param name="BudgetKey">The key, <c>&lt;costCenterId or projectId&gt;/&lt;periodId&gt;</c>.</param>
/// <param name="Budget">The budgeted amount in force (0 when there is no budget).</param>
/// <param name="Committed">Open commitments on the key.</param>
/// <param name="Actual">Actuals posted on the key (expense journal lines).</param>
/// <param name="Currency">The budget's currency.</param>
public sealed record BudgetPosition(string BudgetKey, decimal Budget, decimal Committed, decimal Actual, string Currency)
{
    /// <summary>Budget minus open commitments minus actuals; negative when actuals overran it.</summary>
    public decimal Available => Budget - Committed - Actual;

    /// <summary>Whether <paramref name="required"/> more can be committed: it is not positive, or it fits in <see cref="Available"/>.</summary>
    public bool Covers(decimal required) => required <= 0m || required <= Available;
}
