namespace StreamFinance.Rules.Requisitions;

/// <summary>What the "available" budget of a requisition check is measured from.</summary>
public static class BudgetBasis
{
    /// <summary>
    /// The budgeted amount of the period alone: the process answering does not run the procurement topology, so it has
    /// no open commitments or actuals to deduct, and a requisition is only checked against the whole budget.
    /// </summary>
    public const string BudgetedAmountWithoutCommitments = "BUDGETED_AMOUNT_WITHOUT_COMMITMENTS";

    /// <summary>
    /// The budget less the open commitments and the actuals the procurement topology keeps for the key (the
    /// <see cref="Domain.Budgets.BudgetPosition.Available"/> its budget rule decides purchase orders on).
    /// </summary>
    public const string BudgetLessCommitmentsAndActuals = "BUDGET_LESS_OPEN_COMMITMENTS_AND_ACTUALS";
}
