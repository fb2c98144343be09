using System.Globalization;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Mapping.Transforms;
using StreamFinance.Connectors.Sources.Formats;

namespace StreamFinance.Connectors.Tests.Mapping;

public class TransformTableTests
{
    private static readonly TransformContext Context = new(new CsvSourceDocument(["cur"], ["JPY"]), "amount", "$.x");

    [Theory]
    [InlineData("1234.56", "", "1234.56")]
    [InlineData("1,234.56", "en-US", "1234.56")]
    [InlineData("1.234,56", "de-DE", "1234.56")]
    [InlineData("-12.50", "", "-12.50")]
    [InlineData("12.50-", "", "-12.50")]
    [InlineData("(12.50)", "", "-12.50")]
    [InlineData("12.50 CR", "", "-12.50")]
    [InlineData("12.50DR", "", "12.50")]
    [InlineData("1 234,5", "fr-FR", "1234.5")]
    [InlineData("0.123456789", "", "0.123456789")]
    public void Decimal_reads_cultures_and_sign_conventions_without_rounding(string text, string culture, string expected) =>
        Assert.Equal(expected, new DecimalTransform(CultureInfo.GetCultureInfo(culture), null).Apply(text, Context));

    [Theory]
    [InlineData("46900", 2, "469.00")]
    [InlineData("14550000", 2, "145500.00")]
    [InlineData("-1250", 2, "-12.50")]
    [InlineData("7", 3, "0.007")]
    [InlineData("46900", 0, "46900")]
    public void Decimal_with_implied_decimals_divides_by_that_power_of_ten_whatever_the_currency(string text, int implied, string expected) =>
        // Context's currency is JPY (0 minor units): implied decimals do not depend on it, as X12 TDS01 does not.
        Assert.Equal(expected, new DecimalTransform(CultureInfo.InvariantCulture, null, implied).Apply(text, Context));

    [Theory]
    [InlineData("12,3x")]
    [InlineData("abc")]
    [InlineData("--1")]
    public void Decimal_refuses_what_is_not_a_number_naming_field_value_and_culture(string text)
    {
        var exception = Assert.ThrowsAny<Exception>(() => new DecimalTransform(CultureInfo.InvariantCulture, null).Apply(text, Context));
        Assert.Contains($"amount: '{text}' at $.x is not a decimal (culture invariant)", exception.Message);
    }

    [Theory]
    [InlineData("11,829.10", "", "11829.10")]
    [InlineData("1,234,567.89", "", "1234567.89")]
    [InlineData("1,234,567.89", "en-US", "1234567.89")]
    [InlineData("-1,234.50", "", "-1234.50")]
    [InlineData("(1,234.50)", "", "-1234.50")]
    [InlineData("1.234,56", "de-DE", "1234.56")]
    [InlineData("1.234.567,89", "de-DE", "1234567.89")]
    [InlineData("1 234 567,89", "fr-FR", "1234567.89")]
    [InlineData("12,34,567.89", "hi-IN", "1234567.89")]
    [InlineData("999.5", "", "999.5")]
    public void Decimal_reads_group_separators_that_group_by_the_culture_group_size(string text, string culture, string expected) =>
        Assert.Equal(expected, new DecimalTransform(CultureInfo.GetCultureInfo(culture), null).Apply(text, Context));

    [Theory]
    [InlineData("1,1829.10", "", "culture invariant, e.g. 1,234,567.89")]
    [InlineData("11,82,9.10", "", "culture invariant")]
    [InlineData("1234,567.00", "en-US", "culture en-US")]
    [InlineData("1.1829,10", "de-DE", "culture de-DE, e.g. 1.234.567,89")]
    [InlineData("12.34,56", "de-DE", "culture de-DE")]
    [InlineData("1,234,5678", "", "culture invariant")]
    public void Decimal_refuses_group_separators_that_do_not_group_instead_of_reading_a_wrong_amount(string text, string culture, string mentions)
    {
        var exception = Assert.ThrowsAny<Exception>(() => new DecimalTransform(CultureInfo.GetCultureInfo(culture), null).Apply(text, Context));

        Assert.Contains($"amount: '{text}' at $.x has digit group separators that do not group", exception.Message);
        Assert.Contains(mentions, exception.Message);
    }

    [Fact]
    public void Decimal_in_minor_units_divides_by_the_currency_exponent() =>
        Assert.Equal("1234", new DecimalTransform(CultureInfo.InvariantCulture, "cur").Apply("1234", Context));

    [Theory]
    [InlineData("2026-11-20", null, "UTC", "2026-11-20T00:00:00.000+00:00")]
    [InlineData("20261120", "yyyyMMdd", "UTC", "2026-11-20T00:00:00.000+00:00")]
    [InlineData("20.11.2026 23:30", "dd.MM.yyyy HH:mm", "Europe/Berlin", "2026-11-20T23:30:00.000+01:00")]
    [InlineData("2026-07-01T09:00:00", "yyyy-MM-dd'T'HH:mm:ss", "America/New_York", "2026-07-01T09:00:00.000-04:00")]
    [InlineData("2026-11-20T12:00:00Z", null, "Asia/Tokyo", "2026-11-20T12:00:00.000+00:00")]
    public void Date_reads_the_format_in_the_time_zone(string text, string? format, string zone, string expected) =>
        Assert.Equal(expected, new DateTransform(format, TimeZoneInfo.FindSystemTimeZoneById(zone)).Apply(text, Context));

    [Fact]
    public void Date_refuses_a_value_not_in_the_format() =>
        Assert.Contains("'2026-13-01' at $.x is not a date in format yyyy-MM-dd",
            Assert.ThrowsAny<Exception>(() => new DateTransform("yyyy-MM-dd", TimeZoneInfo.Utc).Apply("2026-13-01", Context)).Message);

    [Theory]
    [InlineData(" eur ", "EUR")]
    [InlineData("EURO", "EUR")]
    [InlineData("€", "EUR")]
    [InlineData("US$", "USD")]
    [InlineData("yen", "JPY")]
    [InlineData("Fr.", "CHF")]
    public void Currency_trims_upper_cases_and_resolves_aliases(string text, string expected) =>
        Assert.Equal(expected, new CurrencyTransform(new Dictionary<string, string> { ["Fr."] = "CHF" }).Apply(text, Context));

    [Theory]
    [InlineData("XYZ")]
    [InlineData("EU")]
    [InlineData("Dollar")]
    public void Currency_refuses_codes_that_are_not_iso_4217(string text) =>
        Assert.Contains("not a known ISO 4217", Assert.ThrowsAny<Exception>(() => new CurrencyTransform().Apply(text, Context)).Message);

    [Fact]
    public void Value_map_matches_ignoring_case_and_falls_back_to_otherwise_or_fails()
    {
        var values = new Dictionary<string, string> { ["Meals"] = "640300" };
        Assert.Equal("640300", new ValueMapTransform(values, null).Apply("MEALS", Context));
        Assert.Equal("699999", new ValueMapTransform(values, "699999").Apply("Gifts", Context));
        Assert.Equal("Gifts", new ValueMapTransform(values, null, keepUnmapped: true).Apply("Gifts", Context));
        Assert.Contains("'Gifts' at $.x is not in the value map", Assert.ThrowsAny<Exception>(() => new ValueMapTransform(values, null).Apply("Gifts", Context)).Message);
    }

    [Fact]
    public void Deterministic_ids_are_stable_version_5_uuids()
    {
        var key = DeterministicIds.IdempotencyKey("concur", "ingest.expenses", "E1");
        Assert.Equal("concur:ingest.expenses:E1", key);
        Assert.Equal(DeterministicIds.EventId(key), DeterministicIds.EventId(key));
        Assert.NotEqual(DeterministicIds.EventId(key), DeterministicIds.EventId(key + "x"));
        Assert.Equal('5', DeterministicIds.EventId(key).ToString()[14]);
    }
}
