using System.Globalization;
using System.Text;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.Expenses;

namespace StreamFinance.Host.Tests.Parity;

/// <summary>
/// One random world of the parity property: the master data (as md.history values), the expense policy's choices
/// that change answers (rounding, closed periods) and the expense lines to judge. "Today" is <see cref="FinanceWorlds.Today"/>.
/// </summary>
/// <param name="Histories">Every master-data object, each with its versions.</param>
/// <param name="Rounding">The <c>Expenses:Rounding</c> of the run.</param>
/// <param name="ClosedPeriod">The <c>Expenses:ClosedPeriod</c> of the run.</param>
/// <param name="Lines">The expense lines, with distinct ids and idempotency keys; each names its charged entity and cost center.</param>
public sealed record FinanceWorld(
    IReadOnlyList<MasterDataHistory> Histories, MidpointRounding Rounding, ClosedPeriodPolicy ClosedPeriod, IReadOnlyList<ExpenseLine> Lines)
{
    /// <summary>The expense policy of the run: the defaults with this world's rounding and closed-period policy, and a short wait horizon.</summary>
    public ExpenseOptions Options()
    {
        var options = ExpenseOptions.Default();
        options.Rounding = Rounding;
        options.ClosedPeriod = ClosedPeriod;
        // The shortest horizon allowed: the run lets it pass so that a line waiting for master data is dead-lettered.
        options.MasterDataWaitHorizon = TimeSpan.FromMinutes(1);
        options.MasterDataWaitCheckInterval = TimeSpan.FromSeconds(1);
        return options;
    }

    /// <summary>
    /// What FsCheck prints for a counterexample: the policy, each line, and the master data the lines can reach (the
    /// objects they name, their employees' entities and cost centers, the cost centers' entities, those entities'
    /// periods and default tax codes, and the rates from the lines' currencies into those entities' currencies).
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Rounding {Rounding}, ClosedPeriod {ClosedPeriod}").AppendLine();
        foreach (var line in Lines)
            text.Append(CultureInfo.InvariantCulture, $"  line {line.expenseId}: {FinanceWorlds.Describe(line)}").AppendLine();
        foreach (var history in Histories.Where(Reachable().Contains))
            text.Append(CultureInfo.InvariantCulture, $"  {history.objectType}:{history.businessKey} ")
                .AppendJoin(" | ", history.versions.Select(v => $"from {v.effectiveFrom:yyyy-MM-dd} {FinanceWorlds.Describe(v.update.payload)}")).AppendLine();
        return text.ToString();
    }

    private HashSet<MasterDataHistory> Reachable()
    {
        var payloads = Histories.ToDictionary(h => h.businessKey, h => h.versions.Select(v => v.update.payload).ToList(), StringComparer.Ordinal);
        var keys = new HashSet<string>(Lines.SelectMany(l => new[] { l.employeeId, l.chargedEntityId, l.costCenterId, l.projectId, l.taxCodeId }).OfType<string>(), StringComparer.Ordinal);
        foreach (var payload in keys.ToList().SelectMany(k => payloads.GetValueOrDefault(k) ?? []))
        {
            if (payload is Employee employee)
                keys.UnionWith([employee.legalEntityId, employee.defaultCostCenterId]);
        }
        foreach (var payload in keys.ToList().SelectMany(k => payloads.GetValueOrDefault(k) ?? []))
        {
            if (payload is CostCenter center)
                keys.Add(center.legalEntityId);
        }
        var entities = Histories.Where(h => h.objectType == MasterDataObjectType.LEGAL_ENTITY && keys.Contains(h.businessKey))
            .SelectMany(h => h.versions).Select(v => v.update.payload).OfType<LegalEntity>().ToList();
        var defaults = Options().DefaultTaxCodes;
        keys.UnionWith(entities.Select(e => defaults.GetValueOrDefault(e.legalEntityId)).OfType<string>());
        // The rates a conversion may use: the line's day and the week before it (the fallback goes back business days).
        keys.UnionWith(Lines.SelectMany(l => entities.SelectMany(e => Enumerable.Range(0, 8).Select(back =>
            $"{l.amount.currency}/{e.functionalCurrency}/{l.transactionDate.AddDays(-back):yyyy-MM-dd}"))));
        return [.. Histories.Where(h => keys.Contains(h.businessKey)
            || (h.objectType == MasterDataObjectType.ACCOUNTING_PERIOD && entities.Any(e => h.businessKey.StartsWith(e.legalEntityId + "-", StringComparison.Ordinal))))];
    }
}
