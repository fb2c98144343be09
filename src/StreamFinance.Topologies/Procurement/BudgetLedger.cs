using StreamFinance.Contracts.Common;
using StreamFinance.Domain.Budgets;
using StreamFinance.Rules.Procurement;
using Streamiz.Kafka.Net.State;

namespace StreamFinance.Topologies.Procurement;

/// <summary>
/// One task's open commitments and actuals per budget key (<see cref="ProcurementNames.CommittedStore"/>,
/// <see cref="ProcurementNames.ActualStore"/>), each in the budget's currency. Only the task that owns the key's
/// legal entity writes them, so a position read and the reservation that follows it cannot interleave with another.
/// </summary>
internal sealed class BudgetLedger(IKeyValueStore<string, Money> committed, IKeyValueStore<string, Money> actuals)
{
    /// <summary>Open commitments on <paramref name="budgetKey"/>.</summary>
    public decimal Committed(string budgetKey) => committed.Get(budgetKey)?.ToDecimal() ?? 0m;

    /// <summary>Actuals posted on <paramref name="budgetKey"/>.</summary>
    public decimal Actual(string budgetKey) => actuals.Get(budgetKey)?.ToDecimal() ?? 0m;

    /// <summary>The position of the key <paramref name="requirement"/> is about, with its budget in force.</summary>
    public BudgetPosition PositionOf(BudgetRequirement requirement) =>
        new(requirement.BudgetKey, requirement.Budget, Committed(requirement.BudgetKey), Actual(requirement.BudgetKey), requirement.Currency);

    /// <summary>Adds <paramref name="delta"/> (negative: releases) to the open commitments of <paramref name="budgetKey"/>, kept in <paramref name="currency"/>.</summary>
    public void Reserve(string budgetKey, decimal delta, string currency)
    {
        if (delta == 0m)
            return;
        var stored = committed.Get(budgetKey);
        committed.Put(budgetKey, ((stored?.ToDecimal() ?? 0m) + delta).ToMoney(stored?.currency ?? currency));
    }

    /// <summary>The currency the open commitments of <paramref name="budgetKey"/> are kept in; null when none were made.</summary>
    public string? CommittedCurrency(string budgetKey) => committed.Get(budgetKey)?.currency;

    /// <summary>Adds <paramref name="amount"/> (a credit is negative) to the actuals of <paramref name="budgetKey"/>.</summary>
    public void AddActual(string budgetKey, decimal amount, string currency)
    {
        var stored = actuals.Get(budgetKey);
        actuals.Put(budgetKey, ((stored?.ToDecimal() ?? 0m) + amount).ToMoney(stored?.currency ?? currency));
    }
}
