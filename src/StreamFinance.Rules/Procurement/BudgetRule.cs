using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.Budgets;
using StreamFinance.Rules.Checks;
using static StreamFinance.Rules.Checks.AmountText;

namespace StreamFinance.Rules.Procurement;

/// <summary>
/// The budget rule, the one place it is decided: a purchase order may reserve what it needs on each budget key only
/// when every key has room (<see cref="BudgetPosition.Available"/> = budget - open commitments - actuals); all keys
/// reserve or none does. A need that is zero or negative (a revision that lowers a key) always fits.
/// </summary>
public static class BudgetRule
{
    /// <summary>
    /// BUDGET_EXCEEDED for every key of <paramref name="needs"/> (the extra amount the order needs per key) whose
    /// position (from <paramref name="positionOf"/>) cannot cover it, naming the order, the key and both amounts:
    /// "PO 4500012 needs 12,400.00 EUR on CC-2010/2026-04; 3,150.00 EUR available (budget 20,000.00 EUR, committed
    /// 14,000.00 EUR, actual 2,850.00 EUR)". Empty when the order fits.
    /// </summary>
    public static IReadOnlyList<Violation> Check(string poNumber, IReadOnlyList<BudgetRequirement> needs, Func<BudgetRequirement, BudgetPosition> positionOf)
    {
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(positionOf);
        var violations = new List<Violation>();
        foreach (var need in needs)
        {
            var position = positionOf(need);
            if (position.Covers(need.Amount))
                continue;
            var currency = position.Currency;
            violations.Add(new Violation(ReasonCode.BudgetExceeded, need.Field, Grouped(need.Amount, currency),
                $"PO {poNumber} needs {Grouped(need.Amount, currency)} on {need.BudgetKey}; {Grouped(Math.Max(0m, position.Available), currency)} available " +
                $"(budget {Grouped(position.Budget, currency)}, committed {Grouped(position.Committed, currency)}, actual {Grouped(position.Actual, currency)})"));
        }
        return violations;
    }
}
