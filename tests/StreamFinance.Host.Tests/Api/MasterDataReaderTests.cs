using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Host.Api.MasterData;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;
using StreamFinance.Host.Tests.Api.Support;
using static StreamFinance.Host.Tests.Api.Support.MasterDataRecords;

namespace StreamFinance.Host.Tests.Api;

public class MasterDataReaderTests
{
    [Fact]
    public void The_version_in_force_is_the_latest_effective_on_or_before_the_date()
    {
        var reader = new MasterDataReader(ValidationWorld.Lookup());

        var before = reader.AsOf<CostCenter>(MasterDataObjectTypes.CostCenter, "CC-1042", new DateOnly(2026, 3, 30));
        var onTheDay = reader.AsOf<CostCenter>(MasterDataObjectTypes.CostCenter, "CC-1042", new DateOnly(2026, 3, 31));

        Assert.Equal((CostCenterStatus.ACTIVE, new DateOnly(2026, 1, 1)), (before.Value!.status, before.EffectiveFrom));
        Assert.Equal((CostCenterStatus.INACTIVE, new DateOnly(2026, 3, 31)), (onTheDay.Value!.status, onTheDay.EffectiveFrom));
    }

    [Fact]
    public void A_deleted_exchange_rate_is_not_used()
    {
        var lookup = ValidationWorld.Lookup().Put(History(MasterDataObjectType.EXCHANGE_RATE, "EUR/USD/2026-03-30", ("2026-03-30", null)));

        var rate = new MasterDataReader(lookup).FxRate("EUR", "USD", new DateOnly(2026, 3, 30), new FxFallbackPolicy());

        // Monday's rate is gone: the look-up falls back to Friday's.
        Assert.Equal((1.08m, new DateOnly(2026, 3, 27)), (rate.Rate, rate.RateDate));
    }

    [Fact]
    public void A_history_whose_payload_is_of_another_type_is_reported_with_its_key()
    {
        var lookup = new InMemoryMasterDataLookup().Put(History(MasterDataObjectType.COST_CENTER, "CC-ODD", ("2026-01-01", Supplier("SUP-1", SupplierStatus.ACTIVE, "2026-01-01"))));

        var error = Assert.Throws<InvalidDataException>(() =>
            new MasterDataReader(lookup).AsOf<CostCenter>(MasterDataObjectTypes.CostCenter, "CC-ODD", new DateOnly(2026, 3, 1)));

        Assert.Contains("md.history COST_CENTER:CC-ODD", error.Message);
        Assert.Contains("holds Supplier, not a CostCenter", error.Message);
    }

    [Fact]
    public void Prefix_look_up_returns_only_keys_of_that_type_and_prefix_in_key_order()
    {
        var found = ValidationWorld.Lookup().FindByPrefix(MasterDataObjectTypes.AccountingPeriod, "US01-", 10);

        Assert.Equal(["US01-2026-01", "US01-2026-02", "US01-2026-03", "US01-2026-04"], found.Select(h => h.businessKey));
    }
}
