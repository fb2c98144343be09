using StreamFinance.Topologies.MasterData;
using StreamFinance.Topologies.Tests.DeadLetters;
using static StreamFinance.Topologies.Tests.MasterData.TestUpdates;

namespace StreamFinance.Topologies.Tests.MasterData;

/// <summary>Issue 11: a tombstone on the supplier-mastering repartition must become a dead letter, never stop the topology.</summary>
public sealed class SupplierRepartitionTombstoneTests : IDisposable
{
    private readonly MasterDataDriver md = new();

    [Fact]
    public void A_tombstone_on_the_suppliers_all_repartition_is_dead_lettered_and_later_suppliers_are_still_mastered()
    {
        md.SendSuppliersAllTombstone();
        md.Send(Supplier(SupplierRecord("SUP-0002", "Müller Bürotechnik GmbH", "DE811234567", "5f1c2e4a0b6d8f9e1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081", "sap-s4")));

        var deadLetter = Assert.Single(md.DeadLetters.ReadValueList());
        TombstoneDeadLetter.Assert(deadLetter, deadLetter.originTopic, MasterDataNames.SupplierPartitionKey, offset: 0, MasterDataNames.SuppliersAllTombstones,
            "the master-data topology writes only supplier updates here");
        Assert.EndsWith($"{MasterDataNames.SuppliersAll}-repartition", deadLetter.originTopic);
        Assert.Single(md.Suppliers.ReadValueList());
    }

    public void Dispose() => md.Dispose();
}
