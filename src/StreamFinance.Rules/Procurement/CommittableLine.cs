namespace StreamFinance.Rules.Procurement;

/// <summary>One purchase order line as it would be committed: its coding after defaulting and its amount in both currencies.</summary>
/// <param name="LineNumber">The order line number.</param>
/// <param name="CostCenterId">The line's cost center, else the order's.</param>
/// <param name="ProjectId">The line's project, else the order's; null when none.</param>
/// <param name="GlAccountId">The line's GL account.</param>
/// <param name="BudgetKey">The budget drawn on.</param>
/// <param name="Amount">The line amount in the order currency.</param>
/// <param name="FunctionalAmount">The line amount in the legal entity's functional currency at the order date's rate.</param>
/// <param name="BudgetAmount">The line amount in the budget's currency (equal to <paramref name="FunctionalAmount"/> when the budget is kept in it).</param>
public sealed record CommittableLine(
    int LineNumber, string CostCenterId, string? ProjectId, string GlAccountId, string BudgetKey, decimal Amount, decimal FunctionalAmount, decimal BudgetAmount);
