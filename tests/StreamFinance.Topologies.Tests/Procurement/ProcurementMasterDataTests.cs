using StreamFinance.Contracts.Outputs;
using StreamFinance.Topologies.Tests.MasterData;
using static StreamFinance.Topologies.Tests.Procurement.ProcurementWorld;

namespace StreamFinance.Topologies.Tests.Procurement;

/// <summary>
/// The master data an X12 850 needs, through both topologies: an employee's cross-reference and an item category sent
/// on <c>md.updates</c> are accepted by the master-data topology (its system of record, point-in-time history, canonical
/// topic), and the procurement topology enriches an 850 order from what reaches <c>md.history</c>.
/// </summary>
public sealed class ProcurementMasterDataTests
{
    [Fact]
    public void A_buyer_cross_reference_and_an_item_category_sent_on_md_updates_let_an_850_order_commit()
    {
        using var masterData = new MasterDataDriver();
        using var procurement = new ProcurementDriver();

        masterData.Send(TestUpdates.EmployeeKnownAs("E-DE-2", "E-DE-MGR", EdiSource, "JSMITH", TestUpdates.Day(2026, 1, 1)));
        masterData.Send(TestUpdates.ItemCategory("DE01", "44121618", "650200", TestUpdates.Day(2026, 1, 1)));
        Assert.Empty(masterData.DeadLetters.ReadValueList());
        Assert.Equal("650200", MasterDataDriver.Compacted(masterData.ItemCategories)["DE01/44121618"].glAccountId);
        foreach (var history in masterData.History.ReadKeyValueList())
            procurement.MasterData((history.Message.Key, history.Message.Value));

        procurement.Send(EdiOrder("PO-EDI-MD", buyer: "JSMITH", category: "44121618"));

        var commitment = Assert.Single(procurement.Commitments().Select(c => c.Value));
        Assert.Equal("650200", commitment.commitmentLines[0].glAccountId);
        Assert.Empty(procurement.HeldNow());
    }

    [Fact]
    public void An_item_category_from_a_source_that_does_not_own_item_categories_is_an_ownership_violation()
    {
        using var masterData = new MasterDataDriver();

        masterData.Send(TestUpdates.ItemCategory("DE01", "44121618", "650200", TestUpdates.Day(2026, 1, 1), source: "coupa"));

        var letter = Assert.Single(masterData.DeadLetters.ReadValueList());
        Assert.Equal("OWNERSHIP_VIOLATION", letter.reasonCode);
        Assert.Empty(MasterDataDriver.Compacted(masterData.ItemCategories));
    }
}
