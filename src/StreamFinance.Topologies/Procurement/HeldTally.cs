using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Transactions;

namespace StreamFinance.Topologies.Procurement;

/// <summary>
/// What one task holds now, counted for the held-now gauges of <see cref="ProcurementMetrics"/>: orders per legal
/// entity, orders per deciding reason code, and their order totals per reason and currency. Small: bounded by the
/// entities, reasons and currencies, not by the orders.
/// </summary>
public sealed class HeldTally
{
    private readonly Dictionary<string, long> byEntity = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> byReason = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Reason, string Currency), decimal> amounts = [];

    /// <summary>Nothing held.</summary>
    public static HeldTally Empty { get; } = new();

    /// <summary>Orders held per legal entity.</summary>
    public IReadOnlyDictionary<string, long> ByEntity => byEntity;

    /// <summary>Orders held per deciding reason code.</summary>
    public IReadOnlyDictionary<string, long> ByReason => byReason;

    /// <summary>Sum of the held orders' totals per reason code and order currency.</summary>
    public IReadOnlyDictionary<(string Reason, string Currency), decimal> Amounts => amounts;

    /// <summary>The tally of <paramref name="held"/>: each held order with the reason code that decides its hold.</summary>
    public static HeldTally Of(IEnumerable<(PurchaseOrder Order, string Reason)> held)
    {
        ArgumentNullException.ThrowIfNull(held);
        var tally = new HeldTally();
        foreach (var (order, reason) in held)
        {
            tally.byEntity[order.legalEntityId] = tally.byEntity.GetValueOrDefault(order.legalEntityId) + 1;
            tally.byReason[reason] = tally.byReason.GetValueOrDefault(reason) + 1;
            var key = (reason, order.total.currency);
            tally.amounts[key] = tally.amounts.GetValueOrDefault(key) + order.total.ToDecimal();
        }
        return tally;
    }
}
