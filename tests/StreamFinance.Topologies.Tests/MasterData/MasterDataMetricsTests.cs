using StreamFinance.Contracts.MasterData;
using StreamFinance.Topologies.MasterData;
using static StreamFinance.Topologies.Tests.MasterData.TestUpdates;

namespace StreamFinance.Topologies.Tests.MasterData;

public sealed class MasterDataMetricsTests : IDisposable
{
    private const string Bank = "5f1c2e4a0b6d8f9e1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081";
    private readonly MasterDataDriver md = new();
    private readonly MasterDataMetrics metrics;

    public MasterDataMetricsTests() => metrics = new MasterDataMetrics(md.Context.BusinessMetrics);

    [Fact]
    public void Updates_are_counted_per_object_type_as_applied_rejected_or_unchanged()
    {
        var update = CostCenter("CC-1000", CostCenterStatus.ACTIVE, Day(2026, 1, 1));
        md.Send(update);
        md.Send(update);
        md.Send(CostCenter("CC-1010", CostCenterStatus.ACTIVE, Day(2026, 1, 1), source: "coupa"));
        md.Send(Rate("USD", "EUR", Day(2026, 4, 10), 0m));

        Assert.Equal((1, 1, 1, 1), Counts());
    }

    [Fact]
    public void The_open_duplicate_candidates_gauge_follows_open_pairs_and_drops_when_a_pair_is_merged()
    {
        md.Send(Supplier(SupplierRecord("SUP-0002", "Müller Bürotechnik GmbH", "DE811234567", Bank, "sap-s4")));
        md.Send(Supplier(SupplierRecord("CP-1002", "Mueller Buerotechnik GmbH", "DE 811 234 567", new string('c', 64), "coupa", Day(2026, 3, 1))));
        Assert.Equal(1, metrics.DuplicateCandidatesOpen.Value);

        // Procurement links its record to the ERP supplier: the pair is merged.
        md.Send(Supplier(SupplierRecord("CP-1002", "Mueller Buerotechnik GmbH", "DE 811 234 567", new string('c', 64), "coupa", Day(2026, 3, 2),
            crossReferences: ("sap-s4", "SUP-0002")), Day(2026, 3, 2)));

        Assert.Equal(0, metrics.DuplicateCandidatesOpen.Value);
        var pairs = md.Duplicates.ReadValueList().Select(p => p.status).ToList();
        Assert.Equal([DuplicateCandidateStatus.OPEN, DuplicateCandidateStatus.MERGED], pairs);
    }

    private (double CostCenterApplied, double CostCenterUnchanged, double CostCenterRejected, double RateRejected) Counts() =>
        (metrics.CountOf(MasterDataObjectType.COST_CENTER, MasterDataMetrics.Applied),
         metrics.CountOf(MasterDataObjectType.COST_CENTER, MasterDataMetrics.Unchanged),
         metrics.CountOf(MasterDataObjectType.COST_CENTER, MasterDataMetrics.Rejected),
         metrics.CountOf(MasterDataObjectType.EXCHANGE_RATE, MasterDataMetrics.Rejected));

    public void Dispose() => md.Dispose();
}
