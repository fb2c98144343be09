namespace StreamFinance.Domain.Journals;

/// <summary>
/// What one expense adds to one entity's journal: the same <see cref="Amount"/> on a debit key and a credit key, so
/// every journal built from contributions balances by construction.
/// </summary>
/// <param name="ExpenseId">Business id of the expense.</param>
/// <param name="Role">Booking entity or, for intercompany, the employee's entity.</param>
/// <param name="EntityId">Entity whose journal this goes to.</param>
/// <param name="Currency">That entity's functional currency.</param>
/// <param name="Amount">Amount at the currency's minor unit.</param>
/// <param name="FiscalYear">Fiscal year of the posting period.</param>
/// <param name="PeriodNumber">Posting period number.</param>
/// <param name="Debit">Debit line key.</param>
/// <param name="Credit">Credit line key.</param>
public sealed record PostingContribution(
    string ExpenseId, PostingRole Role, string EntityId, string Currency, decimal Amount, int FiscalYear, int PeriodNumber, LineKey Debit, LineKey Credit);
