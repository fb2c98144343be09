using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Transactions;
using static StreamFinance.Topologies.Tests.Procurement.ProcurementWorld;

namespace StreamFinance.Topologies.Tests.Procurement;

public class ProcurementTransitionTests
{
    private const string Key2010 = "CC-2010/" + Period;

    [Fact]
    public void A_budget_increase_releases_held_orders_oldest_first_with_a_commitment_and_a_tombstone()
    {
        using var driver = new ProcurementDriver();
        driver.Send(Order("PO-A", amount: 18_000m));
        driver.Send(Order("PO-OLD", amount: 3_000m));
        driver.Clock.Advance(TimeSpan.FromMinutes(1));
        driver.Send(Order("PO-NEW", amount: 2_600m));
        driver.Commitments();
        Assert.Equal(["PO-NEW", "PO-OLD"], driver.HeldNow().Keys.Order());

        // 3,500 more: room for the older hold (3,000), then 500 left, not enough for the newer one (2,600).
        driver.MasterDataChanges(Budget("CC-2010", 23_500m));

        Assert.Equal(["PO-OLD/R0"], driver.Commitments().Select(c => c.Key));
        Assert.Contains(driver.Holds(), h => h.Key == "PO-OLD" && h.Value is null);
        Assert.Equal(["PO-NEW"], driver.HeldNow().Keys);
        var metrics = new StreamFinance.Topologies.Procurement.ProcurementMetrics(driver.Metrics);
        Assert.Equal(3d, metrics.Holds("BUDGET_EXCEEDED"));
        Assert.Equal(1d, driver.Metrics.Holds.Held(StreamFinance.Topologies.Procurement.ProcurementNames.HoldStore));
        Assert.Equal(21_000m, driver.Committed(Key2010));
        Assert.Equal(BusinessStatus.COMMITTED, driver.StatusNow()["PO-OLD"].status);
        Assert.Contains(driver.Audit(), e => e.step == "released" && e.businessId == "PO-OLD");
    }

    [Fact]
    public void Unblocking_a_supplier_releases_the_order_held_for_it()
    {
        using var driver = new ProcurementDriver();
        driver.Send(Order("PO-S", supplier: "SUP-BLK"));
        Assert.Equal("SUPPLIER_BLOCKED", driver.HeldNow()["PO-S"].reasonCode);

        driver.MasterDataChanges(Supplier("SUP-BLK", SupplierStatus.ACTIVE));

        Assert.Equal(["PO-S/R0"], driver.Commitments().Select(c => c.Key));
        Assert.Empty(driver.HeldNow());
    }

    [Fact]
    public void A_cancellation_reverses_the_commitment_and_the_freed_budget_releases_a_held_order_at_once()
    {
        using var driver = new ProcurementDriver();
        driver.Send(Order("PO-1", amount: 15_000m));
        driver.Send(Order("PO-2", amount: 10_000m));
        driver.Commitments();

        driver.Send(Order("PO-1", amount: 15_000m, status: PurchaseOrderStatus.CANCELLED));

        var written = driver.Commitments();
        Assert.Equal(["PO-1/R0/REVERSE", "PO-2/R0"], written.Select(c => c.Key));
        var reversal = written[0].Value;
        Assert.Equal(CommitmentKind.REVERSE, reversal.kind);
        Assert.Equal("PO-1/R0", reversal.previousCommitmentId);
        Assert.Equal(-15_000m, reversal.functionalChange!.ToDecimal());
        Assert.All(reversal.commitmentLines, l => Assert.Equal(0m, l.amount.ToDecimal()));
        Assert.Equal(10_000m, driver.Committed(Key2010));
        Assert.Empty(driver.HeldNow());
        Assert.Equal(BusinessStatus.CANCELLED, driver.StatusNow()["PO-1"].status);

        driver.Send(Order("PO-1", amount: 15_000m, revision: 1));
        Assert.Empty(driver.Commitments());
    }

    [Fact]
    public void A_new_revision_adjusts_the_commitment_by_the_difference()
    {
        using var driver = new ProcurementDriver();
        driver.Send(Order("PO-R", amount: 5_000m));

        driver.Send(Order("PO-R", amount: 7_000m, revision: 1));
        driver.Send(Order("PO-R", amount: 4_000m, revision: 2));

        var written = driver.Commitments();
        Assert.Equal(["PO-R/R0", "PO-R/R1", "PO-R/R2"], written.Select(c => c.Key));
        Assert.Equal(CommitmentKind.ADJUST, written[1].Value.kind);
        Assert.Equal(2_000m, written[1].Value.functionalChange!.ToDecimal());
        Assert.Equal(-3_000m, written[2].Value.functionalChange!.ToDecimal());
        Assert.Equal("PO-R/R1", written[2].Value.previousCommitmentId);
        Assert.Equal(4_000m, driver.Committed(Key2010));
    }

    [Fact]
    public void A_revision_whose_increase_does_not_fit_is_held_and_the_committed_revision_stays()
    {
        using var driver = new ProcurementDriver();
        driver.Send(Order("PO-R", amount: 15_000m));

        driver.Send(Order("PO-R", amount: 21_000m, revision: 1));

        Assert.Equal(["PO-R/R0"], driver.Commitments().Select(c => c.Key));
        var hold = driver.HeldNow()["PO-R"];
        Assert.Equal(1, hold.revision);
        Assert.StartsWith($"PO PO-R needs 6,000.00 EUR on {Key2010}; 5,000.00 EUR available", hold.message);
        Assert.Equal(15_000m, driver.Committed(Key2010));

        driver.MasterDataChanges(Budget("CC-2010", 21_000m));

        var adjusted = Assert.Single(driver.Commitments().Select(c => c.Value));
        Assert.Equal(("PO-R/R1", CommitmentKind.ADJUST, 6_000m), (adjusted.commitmentId, adjusted.kind, adjusted.functionalChange!.ToDecimal()));
        Assert.Equal(21_000m, driver.Committed(Key2010));
        Assert.Empty(driver.HeldNow());
    }

    [Fact]
    public void Closing_an_order_releases_what_remains_committed()
    {
        using var driver = new ProcurementDriver();
        driver.Send(Order("PO-C", amount: 6_000m));

        driver.Send(Order("PO-C", amount: 6_000m, status: PurchaseOrderStatus.CLOSED));

        var written = driver.Commitments();
        Assert.Equal(["PO-C/R0", "PO-C/R0/CLOSE"], written.Select(c => c.Key));
        Assert.Equal(-6_000m, written[1].Value.functionalChange!.ToDecimal());
        Assert.Equal(0m, driver.Committed(Key2010));
        Assert.Equal(BusinessStatus.CLOSED, driver.StatusNow()["PO-C"].status);
        var metrics = new StreamFinance.Topologies.Procurement.ProcurementMetrics(driver.Metrics);
        Assert.Equal((1d, 1d, 0d), (metrics.Commitments("COMMIT"), metrics.Commitments("CLOSE"), metrics.Commitments("REVERSE")));
    }

    [Fact]
    public void Cancelling_a_held_order_ends_its_hold_with_a_tombstone()
    {
        using var driver = new ProcurementDriver();
        driver.Send(Order("PO-H", supplier: "SUP-BLK"));
        Assert.Single(driver.HeldNow());

        driver.Send(Order("PO-H", status: PurchaseOrderStatus.CANCELLED));

        Assert.Empty(driver.HeldNow());
        Assert.Empty(driver.HoldKeys());
        Assert.Empty(driver.Commitments());
        Assert.Equal(BusinessStatus.CANCELLED, driver.StatusNow()["PO-H"].status);
    }
}
