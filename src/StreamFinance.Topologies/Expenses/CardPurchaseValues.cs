using System.Globalization;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Topologies.Expenses;

/// <summary>
/// What two sides of one card purchase must agree on once one of them has posted: the amount in the transaction
/// currency and the coding as approved (cost center after defaulting, project, GL account after mapping the category).
/// Merchant, memo, receipt and employee may differ between a spend platform and an expense report without changing
/// the journal, so they are not compared.
/// </summary>
/// <param name="Side">Which side it is, for messages: <c>card transaction ramp:T-1</c> or <c>expense line EXP-1</c>.</param>
/// <param name="Amount">Amount and currency, e.g. <c>42.50 USD</c>.</param>
/// <param name="CostCenterId">Cost center charged.</param>
/// <param name="ProjectId">Project charged; empty when none.</param>
/// <param name="GlAccountId">GL account posted to.</param>
public sealed record CardPurchaseValues(string Side, string Amount, string CostCenterId, string ProjectId, string GlAccountId)
{
    /// <summary>The values of <paramref name="approved"/>.</summary>
    public static CardPurchaseValues Of(ApprovedExpense approved)
    {
        ArgumentNullException.ThrowIfNull(approved);
        var line = approved.expense;
        var side = line.codedCardTransaction == true ? $"card transaction {line.cardTransactionId}" : $"expense line {line.expenseId}";
        var amount = string.Create(CultureInfo.InvariantCulture, $"{line.amount.ToDecimal():0.00##########} {line.amount.currency}");
        return new(side, amount, approved.costCenterId, approved.projectId ?? "", approved.glAccountId);
    }

    /// <summary>Each value that differs from <paramref name="other"/>, naming both: <c>amount 42.50 USD (card transaction ramp:T-1) vs 45.00 USD (expense line EXP-1)</c>.</summary>
    public IReadOnlyList<string> Differences(CardPurchaseValues other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var differences = new List<string>();
        Compare("amount", Amount, other.Amount);
        Compare("cost center", CostCenterId, other.CostCenterId);
        Compare("project", ProjectId, other.ProjectId);
        Compare("GL account", GlAccountId, other.GlAccountId);
        return differences;

        void Compare(string what, string mine, string theirs)
        {
            if (!string.Equals(mine, theirs, StringComparison.Ordinal))
                differences.Add($"{what} {Shown(mine)} ({Side}) vs {Shown(theirs)} ({other.Side})");
        }
    }

    private static string Shown(string value) => value.Length == 0 ? "none" : value;
}
