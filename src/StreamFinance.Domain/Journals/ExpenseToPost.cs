namespace StreamFinance.Domain.Journals;

/// <summary>The facts of one approved expense that posting needs, free of any wire format.</summary>
/// <param name="ExpenseId">Business id of the expense line; an id is posted at most once per entity.</param>
/// <param name="ApprovalTime">Event time of the approval, which picks the posting window.</param>
/// <param name="LegalEntityId">Entity that books the cost.</param>
/// <param name="Amount">Gross amount in the booking entity's functional currency, at that currency's minor unit.</param>
/// <param name="Currency">Functional currency of the booking entity.</param>
/// <param name="GlAccountId">Expense GL account.</param>
/// <param name="CostCenterId">Cost center charged.</param>
/// <param name="ProjectId">Project charged; null when none.</param>
/// <param name="TaxCodeId">Tax code applied.</param>
/// <param name="IsCardCharge">True when a corporate card paid it (credit card clearing instead of employee payable).</param>
/// <param name="FiscalYear">Fiscal year of the posting period.</param>
/// <param name="PeriodNumber">Number of the posting period.</param>
/// <param name="EmployeeEntityId">The employee's entity when it differs from <paramref name="LegalEntityId"/> (intercompany); null otherwise.</param>
/// <param name="EmployeeEntityAmount">Gross amount in the employee entity's functional currency; set exactly when <paramref name="EmployeeEntityId"/> is.</param>
/// <param name="EmployeeEntityCurrency">Functional currency of the employee's entity; set exactly when <paramref name="EmployeeEntityId"/> is.</param>
public sealed record ExpenseToPost(
    string ExpenseId,
    DateTimeOffset ApprovalTime,
    string LegalEntityId,
    decimal Amount,
    string Currency,
    string GlAccountId,
    string CostCenterId,
    string? ProjectId,
    string TaxCodeId,
    bool IsCardCharge,
    int FiscalYear,
    int PeriodNumber,
    string? EmployeeEntityId = null,
    decimal? EmployeeEntityAmount = null,
    string? EmployeeEntityCurrency = null)
{
    /// <summary>True when the employee's entity differs from the booking entity.</summary>
    public bool IsIntercompany => EmployeeEntityId is not null;
}
