namespace StreamFinance.Rules.Expenses;

/// <summary>
/// One expense line as <see cref="ExpenseRules"/> judges it, from the expense pipeline (an Avro expense line) or from the
/// validation API (a preview): what the document says, with null for what it leaves to a default or does not say.
/// Well-formed already: the caller has checked ids, currency codes and amount.
/// </summary>
/// <param name="TransactionDate">The date the expense was incurred: master data, the FX rate and the period in force on it are used.</param>
/// <param name="Amount">Gross amount, in <paramref name="Currency"/>.</param>
/// <param name="Currency">ISO 4217 code of <paramref name="Amount"/>.</param>
/// <param name="EmployeeId">The employee who incurred it; null when the caller names none (then <paramref name="LegalEntityId"/> and <paramref name="CostCenterId"/> are required).</param>
/// <param name="LegalEntityId">The legal entity charged; null when the line names none. Whether it books the line depends on <c>Expenses:BookingEntity</c>: with <c>Charged</c> it does (an entity other than the employee's makes the line intercompany); with <c>CostCenter</c> (default) and <c>Employee</c> it must agree with the cost center's entity.</param>
/// <param name="CostCenterId">The cost center; null for the employee's default cost center.</param>
/// <param name="ProjectId">The project; null when none.</param>
/// <param name="TaxCodeId">The tax code; null for the charged entity's default tax code (<c>Expenses:DefaultTaxCodes</c>).</param>
/// <param name="Category">The expense category, mapped to a GL account and limited per category; null when not known (no GL account, no limit is checked).</param>
/// <param name="GlAccountId">A GL account overriding the category's; null for the category's.</param>
/// <param name="ReceiptAttached">Whether a receipt is attached; null when not known (the receipt threshold is not checked).</param>
public sealed record ExpenseInput(
    DateOnly TransactionDate,
    decimal Amount,
    string Currency,
    string? EmployeeId,
    string? LegalEntityId,
    string? CostCenterId,
    string? ProjectId,
    string? TaxCodeId,
    string? Category,
    string? GlAccountId,
    bool? ReceiptAttached);
