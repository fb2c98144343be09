using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Topologies.MasterData;
using static StreamFinance.Topologies.Tests.MasterData.TestUpdates;
using StreamFinance.Rules.Lookups;

namespace StreamFinance.Topologies.Tests.MasterData;

public sealed class MasterDataFxLookupTests : IDisposable
{
    private readonly MasterDataDriver md = new();

    public MasterDataFxLookupTests()
    {
        md.Send(Rate("USD", "EUR", Day(2026, 4, 9), 0.9125m)); // Thursday
        md.Send(Rate("USD", "EUR", Day(2026, 4, 10), 0.9150m)); // Friday
        md.Send(Rate("USD", "EUR", Day(2026, 4, 13), 0m)); // Monday: dead-lettered
    }

    [Fact]
    public void The_rate_of_a_published_date_is_found_on_that_date_and_published_to_md_fx_rates()
    {
        var result = Find(new DateOnly(2026, 4, 10), new FxFallbackPolicy());

        Assert.Equal((0.9150m, new DateOnly(2026, 4, 10), 0), (result.Rate, result.RateDate, result.CalendarDaysBack));
        Assert.Equal(["USD/EUR/2026-04-09", "USD/EUR/2026-04-10"], md.FxRates.ReadKeyValueList().Select(r => r.Message.Key));
    }

    [Fact]
    public void A_Monday_whose_rate_was_dead_lettered_falls_back_to_Fridays_rate_within_one_business_day()
    {
        var result = Find(new DateOnly(2026, 4, 13), new FxFallbackPolicy { MaxDaysBack = 1 });

        Assert.Equal("INVALID_FX_RATE", Assert.Single(md.DeadLetters.ReadValueList()).reasonCode);
        Assert.Equal((0.9150m, new DateOnly(2026, 4, 10), 3, 1), (result.Rate, result.RateDate, result.CalendarDaysBack, result.CountedDaysBack));
    }

    [Fact]
    public void Without_fallback_a_day_without_a_rate_is_missing_with_a_reason_naming_the_pair_and_the_setting()
    {
        var result = Find(new DateOnly(2026, 4, 13), new FxFallbackPolicy { MaxDaysBack = 0 });

        Assert.False(result.IsFound);
        Assert.Contains("No USD->EUR rate on 2026-04-13", result.Reason);
        Assert.Contains("MasterData:FxFallback:MaxDaysBack", result.Reason);
    }

    [Fact]
    public void Fallback_stops_after_the_configured_number_of_days()
    {
        var result = Find(new DateOnly(2026, 4, 15), new FxFallbackPolicy { MaxDaysBack = 2 });

        Assert.False(result.IsFound);
        Assert.Equal(0.9150m, Find(new DateOnly(2026, 4, 15), new FxFallbackPolicy { MaxDaysBack = 3 }).Rate);
    }

    private FxRateLookupResult Find(DateOnly date, FxFallbackPolicy policy) =>
        HistoryFxRates.Find(md.HistoryStore.Get, "usd", "EUR", date, policy);

    public void Dispose() => md.Dispose();
}
