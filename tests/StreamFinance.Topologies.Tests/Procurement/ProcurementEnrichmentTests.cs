using StreamFinance.Contracts.Outputs;
using static StreamFinance.Topologies.Tests.Procurement.ProcurementWorld;

namespace StreamFinance.Topologies.Tests.Procurement;

/// <summary>
/// An X12 850 order carries no requester and no GL account: the topology takes the requester from the buyer's employee
/// cross-reference and each line's GL account from its item category, as in force on the order date, or holds the order
/// naming what it looked up until that master data arrives.
/// </summary>
public class ProcurementEnrichmentTests
{
    [Fact]
    public void An_850_order_whose_buyer_and_item_category_are_mapped_commits_with_the_enriched_GL_account_and_an_enriched_audit_fact()
    {
        using var driver = new ProcurementDriver();
        driver.MasterData(Employee("E-DE-2", "E-DE-MGR", null, "JSMITH"));
        driver.MasterData(ItemCategory("44121618", "650200"));

        driver.Send(EdiOrder("PO-EDI-1", buyer: "JSMITH", category: "44121618"));

        var commitment = Assert.Single(driver.Commitments().Select(c => c.Value));
        Assert.Equal("650200", Assert.Single(commitment.commitmentLines).glAccountId);
        Assert.Equal("650200", Assert.Single(commitment.lines).glAccountId);
        Assert.Equal("44121618", commitment.lines[0].itemCategory);
        Assert.Empty(driver.HeldNow());
        var audit = driver.Audit();
        var enriched = Assert.Single(audit, e => e.step == "enriched");
        Assert.Equal("PO-EDI-1", enriched.businessId);
        Assert.Contains("requesterId = E-DE-2 from edi-x12 buyer 'JSMITH', a cross-reference of employee E-DE-2 in force on 2026-04-10", enriched.reason);
        Assert.Contains("lines[1].glAccountId = 650200 from edi-x12 item category '44121618', item category DE01/44121618 in force on 2026-04-10", enriched.reason);
        Assert.Contains(audit, e => e.step == "committed" && e.businessId == "PO-EDI-1");
    }

    [Fact]
    public void An_850_order_whose_buyer_and_item_category_are_not_mapped_is_held_naming_the_buyer_and_category_looked_up()
    {
        using var driver = new ProcurementDriver();

        driver.Send(EdiOrder("PO-EDI-2", buyer: "NOBODY", category: "99999999"));

        Assert.Empty(driver.Commitments());
        var hold = driver.HeldNow()["PO-EDI-2"];
        Assert.Equal("MISSING_REQUESTER", hold.reasonCode);
        Assert.StartsWith(
            "purchase order PO-EDI-2 names no requester, and no employee in force on 2026-04-10 lists edi-x12 buyer 'NOBODY' among its source references, so its approval cannot be checked",
            hold.message);
        var gl = Assert.Single(hold.violations!, v => v.code == "MISSING_GL_ACCOUNT");
        Assert.Equal("lines[1].itemCategory", gl.field);
        Assert.Equal(
            "line 1 of PO PO-EDI-2 names no GL account, and its edi-x12 item category '99999999' maps to none for legal entity DE01: item category DE01/99999999 is unknown; a placeholder is never committed",
            gl.message);
        Assert.Equal(BusinessStatus.HELD, driver.StatusNow()["PO-EDI-2"].status);
        Assert.DoesNotContain(driver.Audit(), e => e.step == "enriched");
    }

    [Fact]
    public void A_held_850_order_is_released_when_the_buyer_cross_reference_and_then_the_item_category_arrive()
    {
        using var driver = new ProcurementDriver();
        driver.Send(EdiOrder("PO-EDI-3", buyer: "JSMITH", category: "44121618"));
        Assert.Equal("MISSING_REQUESTER", driver.HeldNow()["PO-EDI-3"].reasonCode);

        driver.MasterDataChanges(Employee("E-DE-2", "E-DE-MGR", null, "JSMITH"));

        Assert.Empty(driver.Commitments());
        var stillHeld = driver.HeldNow()["PO-EDI-3"];
        Assert.Equal("MISSING_GL_ACCOUNT", stillHeld.reasonCode);
        Assert.Contains("item category '44121618' maps to none for legal entity DE01", stillHeld.message);

        driver.MasterDataChanges(ItemCategory("44121618", "650200"));

        var commitment = Assert.Single(driver.Commitments().Select(c => c.Value));
        Assert.Equal("650200", Assert.Single(commitment.commitmentLines).glAccountId);
        Assert.Contains(driver.Holds(), h => h.Key == "PO-EDI-3" && h.Value is null);
        Assert.Empty(driver.HeldNow());
        Assert.Equal(BusinessStatus.COMMITTED, driver.StatusNow()["PO-EDI-3"].status);
        Assert.Contains(driver.Audit(), e => e.step == "released" && e.businessId == "PO-EDI-3");
    }

    [Fact]
    public void An_item_category_mapped_only_after_the_order_date_does_not_enrich_the_order()
    {
        using var driver = new ProcurementDriver();
        driver.MasterData(Employee("E-DE-2", "E-DE-MGR", null, "JSMITH"));
        driver.MasterData(ItemCategory("44121618", "650200", from: "2026-05-01"));

        driver.Send(EdiOrder("PO-EDI-4", buyer: "JSMITH", category: "44121618"));

        Assert.Empty(driver.Commitments());
        var hold = driver.HeldNow()["PO-EDI-4"];
        Assert.Equal("MISSING_GL_ACCOUNT", hold.reasonCode);
        Assert.Contains("item category DE01/44121618 does not exist on 2026-04-10: its first version is in force from 2026-05-01", hold.message);
    }

    [Fact]
    public void An_order_that_carries_its_requester_and_GL_account_is_not_enriched_even_when_it_names_a_buyer_and_category()
    {
        using var driver = new ProcurementDriver();
        driver.MasterData(Employee("E-DE-3", "E-DE-LOW", null, "JSMITH"));
        driver.MasterData(ItemCategory("44121618", "999999"));
        var order = EdiOrder("PO-EDI-5", buyer: "JSMITH", category: "44121618");
        order.requesterId = "E-DE-2";
        order.lines[0].glAccountId = "650200";

        driver.Send(order);

        var commitment = Assert.Single(driver.Commitments().Select(c => c.Value));
        Assert.Equal("650200", commitment.commitmentLines[0].glAccountId);
        Assert.DoesNotContain(driver.Audit(), e => e.step == "enriched");
    }
}
