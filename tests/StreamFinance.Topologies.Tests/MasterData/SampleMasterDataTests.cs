using StreamFinance.Connectors.Generator;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Topologies.MasterData;
using StreamFinance.Rules.Lookups;

namespace StreamFinance.Topologies.Tests.MasterData;

public sealed class SampleMasterDataTests : IDisposable
{
    private readonly MasterDataDriver md = new();
    private readonly SampleDataGenerator generator = new(42, () => MasterDataDriver.Now.UtcDateTime);

    public SampleMasterDataTests()
    {
        foreach (var record in generator.MasterData())
        {
            Assert.Equal(Topics.MasterDataUpdates.Name, record.Topic.Name);
            md.Send((MasterDataUpdate)record.Value, record.Key);
        }
    }

    [Fact]
    public void The_demo_master_data_passes_the_default_system_of_record_except_the_two_deliberate_bad_updates()
    {
        var deadLetters = md.DeadLetters.ReadKeyValueList().Select(r => (r.Message.Key, r.Message.Value.reasonCode)).Order().ToList();

        Assert.Equal(
            [($"EXCHANGE_RATE:USD/CHF/{MasterDataDriver.Today:yyyy-MM-dd}", "INVALID_FX_RATE"), ($"SUPPLIER:{generator.World.DuplicateSupplier}", "OWNERSHIP_VIOLATION")],
            deadLetters);
    }

    [Fact]
    public void The_demo_procurement_duplicate_is_a_merged_candidate_and_part_of_the_erp_suppliers_golden_record()
    {
        var pair = Assert.Single(md.Duplicates.ReadValueList());
        Assert.Equal(($"coupa:{generator.World.ProcurementDuplicateId}", "sap-s4:SUP-0002", DuplicateCandidateStatus.MERGED),
            ($"{pair.first.sourceSystem}:{pair.first.sourceId}", $"{pair.second.sourceSystem}:{pair.second.sourceId}", pair.status));

        var golden = MasterDataDriver.Compacted(md.Suppliers);
        Assert.Equal(generator.World.Suppliers.Select(s => s.Id).Order(StringComparer.Ordinal), golden.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["coupa", "sap-s4"], golden["SUP-0002"].sourceReferences.Select(r => r.sourceSystem));
        Assert.Equal("Müller Bürotechnik GmbH", golden["SUP-0002"].legalName);
        Assert.Equal(["Jana Mueller"], golden["SUP-0002"].contacts.Select(c => c.name));
    }

    [Fact]
    public void The_demo_inactive_cost_center_reads_inactive_today_in_md_history_and_on_md_cost_centers()
    {
        var key = MasterDataKeys.For(MasterDataObjectType.COST_CENTER, generator.World.InactiveCostCenter);

        Assert.Equal(CostCenterStatus.INACTIVE, md.HistoryStore.Get(key).ValueAsOf<CostCenter>(MasterDataDriver.Today)!.status);
        Assert.Equal(CostCenterStatus.INACTIVE, MasterDataDriver.Compacted(md.CostCenters)[generator.World.InactiveCostCenter].status);
    }

    public void Dispose() => md.Dispose();
}
