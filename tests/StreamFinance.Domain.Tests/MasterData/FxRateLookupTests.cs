using StreamFinance.Domain.MasterData.Fx;

namespace StreamFinance.Domain.Tests.MasterData;

public class FxRateLookupTests
{
    // 2025-03-28 is a Friday; 29 and 30 are the weekend; 31 is a Monday.
    private static readonly DateOnly Wednesday = new(2025, 3, 26);
    private static readonly DateOnly Thursday = new(2025, 3, 27);
    private static readonly DateOnly Friday = new(2025, 3, 28);
    private static readonly DateOnly Saturday = new(2025, 3, 29);
    private static readonly DateOnly Sunday = new(2025, 3, 30);
    private static readonly DateOnly Monday = new(2025, 3, 31);

    private static Func<string, string, DateOnly, decimal?> Rates(params (string From, string To, DateOnly Day, decimal Rate)[] rates)
    {
        var table = rates.ToDictionary(r => (r.From, r.To, r.Day), r => r.Rate);
        return (from, to, day) => table.TryGetValue((from, to, day), out var rate) ? rate : null;
    }

    [Fact]
    public void Rate_of_the_requested_date_is_used_without_fallback()
    {
        var result = FxRateLookup.Find("USD", "EUR", Monday, Rates(("USD", "EUR", Monday, 0.92m), ("USD", "EUR", Friday, 0.91m)));

        Assert.True(result.IsFound);
        Assert.Equal(0.92m, result.Rate);
        Assert.Equal(Monday, result.RateDate);
        Assert.Equal(0, result.CalendarDaysBack);
        Assert.Equal(0, result.CountedDaysBack);
        Assert.False(result.IsInverse);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void Monday_without_a_rate_falls_back_to_friday_using_one_business_day_of_the_budget()
    {
        var result = FxRateLookup.Find("USD", "EUR", Monday, Rates(("USD", "EUR", Friday, 0.91m)));

        Assert.Equal(0.91m, result.Rate);
        Assert.Equal(Friday, result.RateDate);
        Assert.Equal(3, result.CalendarDaysBack);
        Assert.Equal(1, result.CountedDaysBack);
    }

    [Fact]
    public void Weekends_are_not_even_asked_for_when_they_do_not_count()
    {
        var asked = new List<DateOnly>();
        FxRateLookup.Find("USD", "EUR", Monday, (_, _, day) => { asked.Add(day); return null; });

        Assert.Equal([Monday, Friday, Thursday, Wednesday], asked);
    }

    [Fact]
    public void Rate_published_on_the_requested_weekend_day_is_used()
    {
        var result = FxRateLookup.Find("USD", "EUR", Sunday, Rates(("USD", "EUR", Sunday, 0.93m), ("USD", "EUR", Friday, 0.91m)));

        Assert.Equal(Sunday, result.RateDate);
    }

    [Fact]
    public void Sunday_falls_back_to_friday_as_its_first_business_day_back()
    {
        var result = FxRateLookup.Find("USD", "EUR", Sunday, Rates(("USD", "EUR", Friday, 0.91m)));

        Assert.Equal(Friday, result.RateDate);
        Assert.Equal(2, result.CalendarDaysBack);
        Assert.Equal(1, result.CountedDaysBack);
    }

    [Fact]
    public void Rate_beyond_the_fallback_budget_is_missing_with_a_reason_naming_pair_dates_and_setting()
    {
        var twoWeeksBack = Monday.AddDays(-14);
        var result = FxRateLookup.Find("USD", "EUR", Monday, Rates(("USD", "EUR", twoWeeksBack, 0.9m)));

        Assert.False(result.IsFound);
        Assert.Null(result.Rate);
        Assert.Equal(
            "No USD->EUR rate on 2025-03-31 or the 3 business days before (back to 2025-03-26). Load the missing rate into md.updates, or widen MasterData:FxFallback:MaxDaysBack (now 3).",
            result.Reason);
    }

    [Fact]
    public void Rate_exactly_at_the_edge_of_the_budget_is_found()
    {
        var result = FxRateLookup.Find("USD", "EUR", Monday, Rates(("USD", "EUR", Wednesday, 0.9m)));

        Assert.Equal(Wednesday, result.RateDate);
        Assert.Equal(3, result.CountedDaysBack);
        Assert.Equal(5, result.CalendarDaysBack);
    }

    [Fact]
    public void With_weekends_counting_monday_reaches_only_back_to_friday()
    {
        var policy = new FxFallbackPolicy { CountWeekends = true, MaxDaysBack = 3 };

        var found = FxRateLookup.Find("USD", "EUR", Monday, Rates(("USD", "EUR", Friday, 0.91m)), policy);
        var missing = FxRateLookup.Find("USD", "EUR", Monday, Rates(("USD", "EUR", Thursday, 0.9m)), policy);

        Assert.Equal(3, found.CountedDaysBack);
        Assert.False(missing.IsFound);
        Assert.Contains("or the 3 days before (back to 2025-03-28)", missing.Reason);
    }

    [Fact]
    public void Zero_days_back_allows_only_the_exact_date()
    {
        var result = FxRateLookup.Find("USD", "EUR", Monday, Rates(("USD", "EUR", Friday, 0.91m)), new FxFallbackPolicy { MaxDaysBack = 0 });

        Assert.False(result.IsFound);
        Assert.StartsWith("No USD->EUR rate on 2025-03-31.", result.Reason);
    }

    [Fact]
    public void Same_currency_is_rate_one_without_asking_the_source()
    {
        var result = FxRateLookup.Find("eur", " EUR ", Saturday, (_, _, _) => throw new InvalidOperationException("must not be asked"));

        Assert.Equal(1m, result.Rate);
        Assert.Equal(Saturday, result.RateDate);
    }

    [Fact]
    public void Currency_codes_are_upper_cased_before_the_source_is_asked()
    {
        var result = FxRateLookup.Find("usd", "eur", Monday, Rates(("USD", "EUR", Monday, 0.92m)));

        Assert.Equal(0.92m, result.Rate);
    }

    [Fact]
    public void Inverse_rate_is_not_used_by_default()
    {
        var result = FxRateLookup.Find("EUR", "USD", Monday, Rates(("USD", "EUR", Monday, 0.92m)));

        Assert.False(result.IsFound);
    }

    [Fact]
    public void Inverse_rate_when_enabled_is_one_over_the_opposite_rate_rounded_to_eight_places()
    {
        var result = FxRateLookup.Find("EUR", "USD", Monday, Rates(("USD", "EUR", Monday, 0.92m)), new FxFallbackPolicy { UseInverseRate = true });

        Assert.True(result.IsInverse);
        Assert.Equal(1.08695652m, result.Rate);
        Assert.Equal(Monday, result.RateDate);
    }

    [Fact]
    public void Direct_rate_wins_over_an_inverse_of_the_same_day_and_a_nearer_inverse_wins_over_an_older_direct_rate()
    {
        var policy = new FxFallbackPolicy { UseInverseRate = true };

        var sameDay = FxRateLookup.Find("EUR", "USD", Monday, Rates(("EUR", "USD", Monday, 1.09m), ("USD", "EUR", Monday, 0.5m)), policy);
        var nearer = FxRateLookup.Find("EUR", "USD", Monday, Rates(("EUR", "USD", Friday, 1.09m), ("USD", "EUR", Monday, 0.5m)), policy);

        Assert.Equal(1.09m, sameDay.Rate);
        Assert.False(sameDay.IsInverse);
        Assert.Equal(2m, nearer.Rate);
        Assert.True(nearer.IsInverse);
    }

    [Fact]
    public void Stored_rate_of_zero_or_less_is_skipped_and_named_in_the_reason()
    {
        var skipped = FxRateLookup.Find("USD", "EUR", Monday, Rates(("USD", "EUR", Monday, 0m), ("USD", "EUR", Friday, 0.91m)));
        var missing = FxRateLookup.Find("USD", "EUR", Monday, Rates(("USD", "EUR", Monday, -1m)));

        Assert.Equal(Friday, skipped.RateDate);
        Assert.Contains("Ignored: USD->EUR -1 on 2025-03-31 is not a positive rate.", missing.Reason);
    }

    [Fact]
    public void Blank_currency_is_missing_with_a_reason()
    {
        var result = FxRateLookup.Find("", "EUR", Monday, Rates());

        Assert.False(result.IsFound);
        Assert.Contains("both currency codes are needed", result.Reason);
    }

    [Fact]
    public void Policy_defaults_are_three_business_days_without_inverse_and_bad_values_are_named()
    {
        var policy = new FxFallbackPolicy();
        Assert.Equal(3, policy.MaxDaysBack);
        Assert.False(policy.CountWeekends);
        Assert.False(policy.UseInverseRate);
        Assert.Empty(policy.Validate());

        var problem = Assert.Single(new FxFallbackPolicy { MaxDaysBack = -1 }.Validate());
        Assert.StartsWith("MasterData:FxFallback:MaxDaysBack is -1", problem);
    }

    [Fact]
    public void Look_up_near_the_earliest_date_stops_without_failing()
    {
        var result = FxRateLookup.Find("USD", "EUR", DateOnly.MinValue.AddDays(1), Rates(), new FxFallbackPolicy { CountWeekends = true, MaxDaysBack = 5 });

        Assert.False(result.IsFound);
    }
}
