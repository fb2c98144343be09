using System.Globalization;
using StreamFinance.Domain.Money;

namespace StreamFinance.Domain.Journals;

/// <summary>
/// What makes an expense unpostable: a missing id, entity or coding, an unknown currency, an amount with more decimals
/// than its currency's minor unit, or half-filled intercompany fields. Such an expense would unbalance or corrupt a
/// journal, so it is refused (and dead-lettered by the topology) instead of rounded.
/// </summary>
public static class ExpenseToPostCheck
{
    /// <summary>Every problem with <paramref name="expense"/>, each naming the field and value; empty when it can be posted.</summary>
    public static IReadOnlyList<string> Problems(ExpenseToPost expense)
    {
        ArgumentNullException.ThrowIfNull(expense);
        var problems = new List<string>();
        Require(problems, expense.ExpenseId, "expense id");
        Require(problems, expense.LegalEntityId, "legal entity");
        Require(problems, expense.GlAccountId, "GL account");
        Require(problems, expense.CostCenterId, "cost center");
        Require(problems, expense.TaxCodeId, "tax code");
        CheckAmount(problems, expense.Amount, expense.Currency, "functional amount");
        if (expense.EmployeeEntityId is null != expense.EmployeeEntityAmount is null || expense.EmployeeEntityId is null != expense.EmployeeEntityCurrency is null)
            problems.Add("employee entity, its amount and its currency must be set together (intercompany) or not at all.");
        if (expense.EmployeeEntityId is { } employeeEntity && expense.EmployeeEntityAmount is { } amount && expense.EmployeeEntityCurrency is { } currency)
        {
            Require(problems, employeeEntity, "employee entity");
            if (string.Equals(employeeEntity, expense.LegalEntityId, StringComparison.Ordinal))
                problems.Add($"employee entity '{employeeEntity}' equals the booking entity: leave it empty when the expense is not intercompany.");
            CheckAmount(problems, amount, currency, "employee entity amount");
        }
        return problems;
    }

    private static void Require(List<string> problems, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Contains('|', StringComparison.Ordinal))
            problems.Add($"{what} '{value}' is empty or contains '|'.");
    }

    private static void CheckAmount(List<string> problems, decimal amount, string currency, string what)
    {
        if (!CurrencyMinorUnits.IsKnown(currency))
            problems.Add($"{what} currency '{currency}' is not a known ISO 4217 code.");
        else if (CurrencyMinorUnits.Round(amount, currency) != amount)
            problems.Add($"{what} {amount.ToString("G29", CultureInfo.InvariantCulture)} {currency} has more decimals than the currency's {CurrencyMinorUnits.Of(currency)}: the expense topology must round it before approval.");
    }
}
