using StreamFinance.Contracts.MasterData;
using StreamFinance.Topologies.MasterData;
using static StreamFinance.Topologies.Tests.MasterData.TestUpdates;
using StreamFinance.Rules.Lookups;

namespace StreamFinance.Topologies.Tests.MasterData;

public sealed class MasterDataHistoryTests : IDisposable
{
    private readonly MasterDataDriver md = new();

    [Fact]
    public void A_cost_center_deactivated_effective_March_31_reads_active_on_March_30_and_inactive_on_April_1_from_md_history()
    {
        md.Send(CostCenter("CC-1042", CostCenterStatus.ACTIVE, Day(2026, 1, 1)));
        md.Send(CostCenter("CC-1042", CostCenterStatus.INACTIVE, Day(2026, 3, 31)));

        var history = MasterDataDriver.Compacted(md.History)["COST_CENTER:CC-1042"];

        Assert.Null(history.AsOf(new DateOnly(2025, 12, 31)));
        Assert.Equal(CostCenterStatus.ACTIVE, history.ValueAsOf<CostCenter>(new DateOnly(2026, 3, 30))!.status);
        Assert.Equal(CostCenterStatus.INACTIVE, history.ValueAsOf<CostCenter>(new DateOnly(2026, 3, 31))!.status);
        Assert.Equal(CostCenterStatus.INACTIVE, history.ValueAsOf<CostCenter>(new DateOnly(2026, 4, 1))!.status);
        Assert.Equal([Day(2026, 1, 1), Day(2026, 3, 31)], history.versions.Select(v => v.effectiveFrom));
    }

    [Fact]
    public void A_redelivered_update_produces_no_second_history_record_and_no_second_canonical_record()
    {
        var update = CostCenter("CC-2000", CostCenterStatus.ACTIVE, Day(2026, 1, 1));
        md.Send(update);
        md.Send(update);
        var resent = CostCenter("CC-2000", CostCenterStatus.ACTIVE, Day(2026, 1, 1)); // same content, new event id

        md.Send(resent);

        Assert.Single(md.History.ReadKeyValueList());
        Assert.Single(md.CostCenters.ReadKeyValueList());
        Assert.Empty(md.DeadLetters.ReadKeyValueList());
        Assert.Single(md.HistoryStore.Get("COST_CENTER:CC-2000").versions);
    }

    [Fact]
    public void The_canonical_topic_carries_the_latest_version_and_a_deactivation_stays_a_record_with_status_and_effective_date()
    {
        md.Send(CostCenter("CC-1042", CostCenterStatus.ACTIVE, Day(2026, 1, 1)));
        md.Send(CostCenter("CC-1042", CostCenterStatus.INACTIVE, Day(2026, 3, 31)));

        var records = md.CostCenters.ReadKeyValueList().ToList();

        Assert.Equal(["CC-1042", "CC-1042"], records.Select(r => r.Message.Key));
        var latest = records[^1].Message.Value;
        Assert.Equal(CostCenterStatus.INACTIVE, latest.status);
        Assert.Equal(Day(2026, 3, 31), latest.effectiveFrom);
    }

    [Fact]
    public void A_back_dated_correction_adds_a_version_to_md_history_but_leaves_the_canonical_record_alone()
    {
        md.Send(CostCenter("CC-1042", CostCenterStatus.ACTIVE, Day(2026, 1, 1)));
        md.Send(CostCenter("CC-1042", CostCenterStatus.INACTIVE, Day(2026, 3, 31)));
        md.CostCenters.ReadKeyValueList();
        md.History.ReadKeyValueList();

        md.Send(CostCenter("CC-1042", CostCenterStatus.BLOCKED, Day(2026, 2, 15)));

        var history = Assert.Single(md.History.ReadKeyValueList()).Message.Value;
        Assert.Equal(CostCenterStatus.BLOCKED, history.ValueAsOf<CostCenter>(new DateOnly(2026, 3, 1))!.status);
        Assert.Empty(md.CostCenters.ReadKeyValueList());
    }

    [Fact]
    public void A_true_delete_writes_a_tombstone_to_the_canonical_topic_and_a_deleted_version_to_md_history()
    {
        md.Send(CostCenter("CC-3010", CostCenterStatus.ACTIVE, Day(2026, 1, 1)));
        md.Send(Delete(MasterDataObjectType.COST_CENTER, "CC-3010", Day(2026, 4, 1), "sap-s4"));

        var canonical = md.CostCenters.ReadKeyValueList().ToList();
        Assert.Equal(2, canonical.Count);
        Assert.Equal("CC-3010", canonical[1].Message.Key);
        Assert.Null(canonical[1].Message.Value);
        var history = MasterDataDriver.Compacted(md.History)["COST_CENTER:CC-3010"];
        Assert.True(history.AsOf(new DateOnly(2026, 4, 1))!.deleted);
        Assert.Null(history.ValueAsOf<CostCenter>(new DateOnly(2026, 4, 2)));
        Assert.Equal(CostCenterStatus.ACTIVE, history.ValueAsOf<CostCenter>(new DateOnly(2026, 3, 31))!.status);
    }

    public void Dispose() => md.Dispose();
}
