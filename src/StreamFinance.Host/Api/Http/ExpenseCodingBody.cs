using System.ComponentModel;
using System.Text.Json.Serialization;
using StreamFinance.Rules.Expenses;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// JSON body of <c>POST /v1/validate/expense-coding</c>, as sent: an expense line as the expense pipeline would receive it,
/// judged by the same <see cref="ExpenseRules"/>. Its contract is the API's: unknown members are refused, and the
/// <c>required</c> members must be present (<see cref="JsonBodyParser"/> names each one missing). Properties stay nullable
/// because a member sent as null is reported by <see cref="RequestFields"/> ("is required"), with every other problem.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class ExpenseCodingBody
{
    /// <summary>Legal entity id, required, e.g. <c>US01</c>.</summary>
    [Description("Legal entity whose books the expense is posted to, e.g. US01; when it is not the employee's own, the expense is intercompany. " + RequestFields.IdRule)]
    public required string? LegalEntityId { get; set; }

    /// <summary>Employee id, optional.</summary>
    [Description("Employee who incurred the expense, if known (absent or null: the employee is not checked). " + RequestFields.IdRule)]
    public string? EmployeeId { get; set; }

    /// <summary>Cost center id, required.</summary>
    [Description("Cost center charged, e.g. CC-1042. " + RequestFields.IdRule)]
    public required string? CostCenterId { get; set; }

    /// <summary>Project id, optional.</summary>
    [Description("Project charged, if any (absent or null: none). " + RequestFields.IdRule)]
    public string? ProjectId { get; set; }

    /// <summary>Tax code id, optional; absent means the legal entity's default tax code.</summary>
    [Description("Tax code applied (absent or null: the legal entity's default tax code, Expenses:DefaultTaxCodes, as the expense pipeline applies). " + RequestFields.IdRule)]
    public string? TaxCodeId { get; set; }

    /// <summary>Expense category, optional, e.g. <c>MEALS</c>.</summary>
    [Description("Expense category, e.g. MEALS (absent or null: its GL account and limit are not checked). " + RequestFields.IdRule)]
    public string? Category { get; set; }

    /// <summary>GL account overriding the category's, optional.</summary>
    [Description("GL account overriding the category's (absent or null: the category's). " + RequestFields.IdRule)]
    public string? GlAccountId { get; set; }

    /// <summary>Whether a receipt is attached, optional.</summary>
    [Description("Whether a receipt is attached (absent or null: the receipt threshold is not checked).")]
    public bool? ReceiptAttached { get; set; }

    /// <summary>Transaction date, required, <c>yyyy-MM-dd</c>.</summary>
    [StringFormat(StringFormatAttribute.Date)]
    [Description("Transaction date, yyyy-MM-dd: the master data, period and rate in force on it are used.")]
    public required string? Date { get; set; }

    /// <summary>Amount, required, zero or more, at most 4 decimal places; a JSON number or a numeric string.</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    [Description(RequestFields.AmountRule)]
    public required decimal? Amount { get; set; }

    /// <summary>ISO 4217 currency of the amount, required.</summary>
    [Description("Currency of the amount. " + RequestFields.CurrencyRule)]
    public required string? Currency { get; set; }

    /// <summary>What a client must send, for 400 messages.</summary>
    public const string Expected =
        "legalEntityId, costCenterId, date (yyyy-MM-dd), amount and currency, and optionally employeeId, projectId, taxCodeId, category, glAccountId and receiptAttached";

    /// <summary>The body's member names, as the violations of <see cref="ExpenseRules"/> name the fields of this body.</summary>
    public static ExpenseFields Fields { get; } =
        new("employeeId", "legalEntityId", "costCenterId", "projectId", "taxCodeId", "category", "date", "amount", "currency", "receiptAttached");

    /// <summary>The checked expense, or null with every problem in <paramref name="errors"/>.</summary>
    public ExpenseInput? ToInput(FieldErrors errors)
    {
        var entity = RequestFields.Id(LegalEntityId, Fields.LegalEntity, required: true, errors);
        var employee = RequestFields.Id(EmployeeId, Fields.Employee, required: false, errors);
        var costCenter = RequestFields.Id(CostCenterId, Fields.CostCenter, required: true, errors);
        var project = RequestFields.Id(ProjectId, Fields.Project, required: false, errors);
        var taxCode = RequestFields.Id(TaxCodeId, Fields.TaxCode, required: false, errors);
        var category = RequestFields.Id(Category, Fields.Category, required: false, errors);
        var glAccount = RequestFields.Id(GlAccountId, "glAccountId", required: false, errors);
        var date = RequestFields.Date(Date, Fields.Date, fallback: null, errors);
        var amount = RequestFields.Amount(Amount, Fields.Amount, errors);
        var currency = RequestFields.Currency(Currency, Fields.Currency, errors);
        return errors.Any ? null : new ExpenseInput(date!.Value, amount!.Value, currency!, employee, entity, costCenter, project, taxCode, category, glAccount, ReceiptAttached);
    }
}
