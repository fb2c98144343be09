namespace StreamFinance.Rules.Expenses;

/// <summary>
/// How a caller spells the fields of an <see cref="ExpenseInput"/>, so that each <see cref="Checks.Violation.Field"/>
/// names the field its caller sent. The rules are the same whoever asks; only these names differ: the expense topology
/// reads Avro expense lines (<see cref="ExpenseLine"/>), the validation API reads its JSON body (its own instance).
/// </summary>
/// <param name="Employee">The employee, e.g. <c>employeeId</c>; also the field of an entity or cost center taken from the employee.</param>
/// <param name="LegalEntity">The legal entity charged, e.g. <c>chargedEntityId</c> or <c>legalEntityId</c>.</param>
/// <param name="CostCenter">The cost center, e.g. <c>costCenterId</c>.</param>
/// <param name="Project">The project, e.g. <c>projectId</c>.</param>
/// <param name="TaxCode">The tax code, e.g. <c>taxCodeId</c>.</param>
/// <param name="Category">The expense category, e.g. <c>category</c>.</param>
/// <param name="Date">The transaction date, e.g. <c>transactionDate</c> or <c>date</c>.</param>
/// <param name="Amount">The amount, where limit violations are reported, e.g. <c>amount</c>.</param>
/// <param name="Currency">The amount's currency, where FX violations are reported, e.g. <c>amount</c> (an Avro money carries its currency) or <c>currency</c>.</param>
/// <param name="Receipt">Whether a receipt is attached, e.g. <c>receiptAttached</c>.</param>
public sealed record ExpenseFields(
    string Employee, string LegalEntity, string CostCenter, string Project, string TaxCode, string Category, string Date, string Amount, string Currency, string Receipt)
{
    /// <summary>The Avro spelling of <c>streamfinance.transactions.ExpenseLine</c>, as the expense topology's dead letters name fields.</summary>
    public static ExpenseFields ExpenseLine { get; } =
        new("employeeId", "chargedEntityId", "costCenterId", "projectId", "taxCodeId", "category", "transactionDate", "amount", "amount", "receiptAttached");
}
