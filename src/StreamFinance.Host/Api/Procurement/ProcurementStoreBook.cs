using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Host.Runtime;
using StreamFinance.Rules.Procurement;
using StreamFinance.Topologies.Procurement;

namespace StreamFinance.Host.Api.Procurement;

/// <summary>
/// The stores of the running <c>procurement</c> topology, through interactive queries over every task of this
/// instance: <c>procurement.committed</c>, <c>procurement.actuals</c>, <c>procurement.orders</c>,
/// <c>procurement.commitments</c> and <c>procurement.holds</c>. A store of a budget key or order owned by a task of
/// another instance is not seen (the API answers from this instance's tasks only).
/// </summary>
public sealed class ProcurementStoreBook(Func<TopologyService> topology) : IProcurementBook
{
    private readonly QueriedStore<Money> committed = new(topology, ProcurementNames.CommittedStore, ProcurementTopology.TopologyName);
    private readonly QueriedStore<Money> actuals = new(topology, ProcurementNames.ActualStore, ProcurementTopology.TopologyName);
    private readonly QueriedStore<string> orders = new(topology, ProcurementNames.OrderStore, ProcurementTopology.TopologyName);
    private readonly QueriedStore<Commitment> commitments = new(topology, ProcurementNames.CommitmentStore, ProcurementTopology.TopologyName);
    private readonly QueriedStore<HeldRecord> holds = new(topology, ProcurementNames.HoldStore, ProcurementTopology.TopologyName);

    /// <inheritdoc />
    public BudgetBalance Of(string budgetKey) =>
        new(committed.Store().Get(budgetKey)?.ToDecimal() ?? 0m, actuals.Store().Get(budgetKey)?.ToDecimal() ?? 0m);

    /// <inheritdoc />
    public PurchaseOrderStanding? Order(string poNumber)
    {
        if (orders.Store().Get(poNumber) is not { } text)
            return null;
        var state = OrderState.Parse(text);
        var hold = state.HoldKey is { } holdKey ? holds.Store().Get(holdKey) : null;
        return new PurchaseOrderStanding(poNumber, state, commitments.Store().Get(poNumber), hold);
    }
}
