namespace StreamFinance.Domain.Journals;

/// <summary>
/// Splits an approved expense into the journal contributions it makes: one to the booking entity, and for an
/// intercompany expense one more to the employee's entity (in that entity's currency and period numbers).
/// <list type="bullet">
/// <item>Booking entity: debit (expense GL account, cost center, project, tax code); credit employee payable or card
/// clearing, or, intercompany, due-to with the employee's entity as partner.</item>
/// <item>Employee's entity: debit due-from with the booking entity as partner; credit employee payable or card clearing.</item>
/// </list>
/// </summary>
/// <remarks>The employee entity's journal uses the booking entity's fiscal year and period number: the group runs one fiscal calendar.</remarks>
public static class PostingContributions
{
    /// <summary>The contributions of <paramref name="expense"/>, booking entity first. Check it with <see cref="ExpenseToPostCheck"/> first.</summary>
    public static IReadOnlyList<PostingContribution> Of(ExpenseToPost expense, PostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(expense);
        ArgumentNullException.ThrowIfNull(options);
        var settlement = expense.IsCardCharge ? options.CardClearingAccount : options.EmployeePayableAccount;
        var expenseLine = new LineKey(PostingSide.Debit, expense.GlAccountId, expense.CostCenterId, expense.ProjectId, expense.TaxCodeId, null);
        if (expense is not { EmployeeEntityId: { } employeeEntity, EmployeeEntityAmount: { } employeeAmount, EmployeeEntityCurrency: { } employeeCurrency })
        {
            return [Contribution(expense, PostingRole.Booking, expense.LegalEntityId, expense.Currency, expense.Amount, expenseLine,
                new LineKey(PostingSide.Credit, settlement, null, null, null, null))];
        }

        return
        [
            Contribution(expense, PostingRole.Booking, expense.LegalEntityId, expense.Currency, expense.Amount, expenseLine,
                new LineKey(PostingSide.Credit, options.IntercompanyDueToAccount, null, null, null, employeeEntity)),
            Contribution(expense, PostingRole.EmployeeEntity, employeeEntity, employeeCurrency, employeeAmount,
                new LineKey(PostingSide.Debit, options.IntercompanyDueFromAccount, null, null, null, expense.LegalEntityId),
                new LineKey(PostingSide.Credit, settlement, null, null, null, null)),
        ];
    }

    private static PostingContribution Contribution(
        ExpenseToPost expense, PostingRole role, string entity, string currency, decimal amount, LineKey debit, LineKey credit) =>
        new(expense.ExpenseId, role, entity, currency, amount, expense.FiscalYear, expense.PeriodNumber, debit, credit);
}
