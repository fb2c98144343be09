using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Rules.Procurement;
using StreamFinance.Topologies.Procurement;

namespace StreamFinance.Host.Api.Procurement;

/// <summary>
/// What the procurement topology knows, as the API reads it: open commitments and actuals per budget key
/// (<see cref="IBudgetBalances"/>) and where a purchase order stands.
/// </summary>
public interface IProcurementBook : IBudgetBalances
{
    /// <summary>Where <paramref name="poNumber"/> stands; null when the topology has never seen it.</summary>
    /// <exception cref="StreamFinance.Rules.Lookups.StoreUnavailableException">The stores cannot be read now (503).</exception>
    PurchaseOrderStanding? Order(string poNumber);
}

/// <summary>One purchase order as the procurement topology keeps it.</summary>
/// <param name="PoNumber">The PO number.</param>
/// <param name="State">Its stage, latest revision decided, committed revision and reservations.</param>
/// <param name="LastCommitment">The commitment written last for it (COMMIT, ADJUST, REVERSE or CLOSE); null when none was.</param>
/// <param name="Hold">Its hold while it is held: since when, and every reason as of its latest evaluation.</param>
public sealed record PurchaseOrderStanding(string PoNumber, OrderState State, Commitment? LastCommitment, HeldRecord? Hold);
