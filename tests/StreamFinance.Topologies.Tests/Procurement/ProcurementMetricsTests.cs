using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Topologies.Procurement;
using static StreamFinance.Topologies.Tests.Procurement.ProcurementWorld;

namespace StreamFinance.Topologies.Tests.Procurement;

/// <summary>Business observability of the procurement topology (issue 16 point 9): orders awaiting commitment per entity, held orders and amounts per reason, approval-to-commitment age, commitments posted and reversed.</summary>
public class ProcurementMetricsTests
{
    [Fact]
    public void Held_orders_are_counted_per_entity_and_per_reason_with_their_amounts_and_leave_the_gauges_when_released()
    {
        using var driver = new ProcurementDriver();
        var metrics = new ProcurementMetrics(driver.Metrics);
        driver.Send(Order("PO-A", amount: 18_000m));
        driver.Send(Order("PO-OLD", amount: 3_000m));
        driver.Send(Order("PO-NEW", amount: 2_600m));
        driver.Send(Order("PO-S", amount: 400m, supplier: "SUP-BLK"));

        driver.HoldCheckPasses();

        Assert.Equal(3d, metrics.Awaiting("DE01"));
        Assert.Equal((2d, 1d), (metrics.HeldNow("BUDGET_EXCEEDED"), metrics.HeldNow("SUPPLIER_BLOCKED")));
        Assert.Equal((5_600d, 400d), (metrics.HeldAmount("BUDGET_EXCEEDED", "EUR"), metrics.HeldAmount("SUPPLIER_BLOCKED", "EUR")));

        // The cancellation reverses PO-A and frees 18,000: both budget holds commit at once; the supplier hold stays.
        driver.Send(Order("PO-A", amount: 18_000m, status: PurchaseOrderStatus.CANCELLED));
        driver.HoldCheckPasses();

        Assert.Equal(1d, metrics.Awaiting("DE01"));
        Assert.Equal((0d, 1d), (metrics.HeldNow("BUDGET_EXCEEDED"), metrics.HeldNow("SUPPLIER_BLOCKED")));
        Assert.Equal(0d, metrics.HeldAmount("BUDGET_EXCEEDED", "EUR"));
        Assert.Equal((3d, 1d), (metrics.Commitments("COMMIT"), metrics.Commitments("REVERSE")));
    }

    [Fact]
    public void Every_commitment_of_an_approved_revision_observes_its_age_since_approval()
    {
        using var driver = new ProcurementDriver();
        var metrics = new ProcurementMetrics(driver.Metrics);

        driver.Send(Order("PO-1", amount: 1_000m));
        driver.Send(Order("PO-1", amount: 1_500m, revision: 1));
        driver.Send(Order("PO-B", amount: 50_000m));

        // COMMIT and ADJUST of PO-1 observed; PO-B is held, so it has no commitment age yet.
        Assert.Equal(2L, metrics.CommittedAfterCount("DE01"));
        Assert.Equal((1d, 1d), (metrics.Commitments("COMMIT"), metrics.Commitments("ADJUST")));

        driver.MasterDataChanges(Budget("CC-2010", 60_000m));

        Assert.Equal(3L, metrics.CommittedAfterCount("DE01"));
        Assert.Equal(0d, metrics.Awaiting("DE01"));
    }

    [Fact]
    public void The_gauges_start_from_what_the_hold_store_holds_and_a_closed_task_takes_its_orders_off_them()
    {
        var driver = new ProcurementDriver();
        var metrics = new ProcurementMetrics(driver.Metrics);
        driver.Send(Order("PO-S", amount: 400m, supplier: "SUP-BLK"));
        driver.Send(Order("PO-R", amount: 700m, supplier: "SUP-RISK"));
        driver.HoldCheckPasses();
        Assert.Equal(2d, metrics.Awaiting("DE01"));

        driver.Dispose();

        Assert.Equal(0d, metrics.Awaiting("DE01"));
        Assert.Equal((0d, 0d), (metrics.HeldNow("SUPPLIER_BLOCKED"), metrics.HeldNow("SUPPLIER_RISK_HOLD")));
    }
}
