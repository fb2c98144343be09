using StreamFinance.Topologies.Audit;
using StreamFinance.Topologies.Expenses;
using StreamFinance.Topologies.MasterData;
using StreamFinance.Topologies.Posting;
using StreamFinance.Topologies.Procurement;
using StreamFinance.Topologies.Validation;
using StreamFinance.Kafka;

namespace StreamFinance.Topologies;

/// <summary>
/// Every topology StreamFinance runs. The host starts each of them, <c>topics apply</c> and the embedded broker
/// create their internal topics, and <c>docs</c> draws them. A new topology is added here and nowhere else.
/// </summary>
public static class TopologyCatalog
{
    /// <summary>All topologies, in the order they are started.</summary>
    public static IReadOnlyList<IStreamTopology> All { get; } = [new MasterDataTopology(), new ValidationTopology(), new ExpenseTopology(), new PostingTopology(), new ProcurementTopology(), new AuditChainTopology(), new AuditIndexTopology()];
}
