namespace StreamFinance.Rules.Requisitions;

/// <summary>What the "available" budget of a requisition check is measured from.</summary>
public static class BudgetBasis
{
    /// <summary>
    /// The budgeted amount of the period alone. Open commitments (approved purchase orders) are not deducted yet: the
    /// procurement flow that records them does not exist, so a requisition is only checked against the whole budget.
    /// </summary>
    public const string BudgetedAmountWithoutCommitments = "BUDGETED_AMOUNT_WITHOUT_COMMITMENTS";
}
