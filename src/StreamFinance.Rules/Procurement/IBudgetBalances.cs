namespace StreamFinance.Rules.Procurement;

/// <summary>
/// What is already drawn on a budget key: the open commitments and the actuals the procurement topology keeps for it,
/// in the budget's currency. The port through which a requisition check (<see cref="Requisitions.RequisitionRules"/>)
/// sees the topology's own figures, so that both measure "available" the same way.
/// </summary>
public interface IBudgetBalances
{
    /// <summary>Open commitments and actuals of <paramref name="budgetKey"/>; zeros when nothing was committed or posted on it.</summary>
    /// <exception cref="Lookups.StoreUnavailableException">The figures cannot be read now.</exception>
    BudgetBalance Of(string budgetKey);
}

/// <summary>Open commitments and actuals of one budget key, in the budget's currency.</summary>
/// <param name="Committed">Open commitments.</param>
/// <param name="Actual">Actuals posted (debits less credits).</param>
public sealed record BudgetBalance(decimal Committed, decimal Actual)
{
    /// <summary>Nothing committed and nothing posted.</summary>
    public static BudgetBalance None { get; } = new(0m, 0m);
}
