using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;

namespace StreamFinance.Topologies.Procurement;

/// <summary>What reaches the task that owns a legal entity's budget keys: a purchase order, or a posted journal (actuals). Exactly one is set.</summary>
public sealed record ProcurementEvent(PurchaseOrder? Order, JournalEntry? Journal)
{
    /// <summary>A purchase order.</summary>
    public static ProcurementEvent Of(PurchaseOrder order) => new(order, null);

    /// <summary>A posted journal.</summary>
    public static ProcurementEvent Of(JournalEntry journal) => new(null, journal);
}
