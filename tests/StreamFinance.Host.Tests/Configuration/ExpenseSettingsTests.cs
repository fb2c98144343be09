using Microsoft.Extensions.Configuration;
using StreamFinance.Domain.Expenses;
using StreamFinance.Host.Configuration;

namespace StreamFinance.Host.Tests.Configuration;

public sealed class ExpenseSettingsTests
{
    [Fact]
    public void Without_an_Expenses_section_the_policy_is_the_documented_default()
    {
        var expenses = Bind().Expenses;

        Assert.Equal("640300", expenses.CategoryGlAccounts["MEALS"]);
        Assert.Equal(150m, expenses.CategoryLimits["MEALS"]["USD"]);
        Assert.Equal((ClosedPeriodPolicy.RollForward, MidpointRounding.AwayFromZero, 30), (expenses.ClosedPeriod, expenses.Rounding, expenses.DedupeHorizonDays));
    }

    [Fact]
    public void A_map_given_replaces_the_default_map_and_the_values_left_out_keep_their_defaults()
    {
        var expenses = Bind(
            ("Expenses:CategoryGlAccounts:TRAINING", "660100"),
            ("Expenses:CategoryLimits:TRAINING:EUR", "2000"),
            ("Expenses:ClosedPeriod", "DeadLetter"),
            ("Expenses:Rounding", "ToEven")).Expenses;

        Assert.Equal(["TRAINING"], expenses.CategoryGlAccounts.Keys);
        Assert.Equal(["TRAINING"], expenses.CategoryLimits.Keys);
        Assert.Equal(2000m, expenses.CategoryLimits["TRAINING"]["EUR"]);
        Assert.Equal((ClosedPeriodPolicy.DeadLetter, MidpointRounding.ToEven), (expenses.ClosedPeriod, expenses.Rounding));
        Assert.Equal(75m, expenses.ReceiptThresholds["USD"]);
        Assert.Equal("DE-VAT19", expenses.DefaultTaxCodes["DE01"]);
    }

    [Fact]
    public void The_master_data_wait_is_read_as_time_spans_and_defaults_to_one_day_checked_every_five_seconds()
    {
        Assert.Equal((TimeSpan.FromDays(1), TimeSpan.FromSeconds(5)), (Bind().Expenses.MasterDataWaitHorizon, Bind().Expenses.MasterDataWaitCheckInterval));

        var expenses = Bind(("Expenses:MasterDataWaitHorizon", "12:00:00"), ("Expenses:MasterDataWaitCheckInterval", "00:00:02")).Expenses;

        Assert.Equal((TimeSpan.FromHours(12), TimeSpan.FromSeconds(2)), (expenses.MasterDataWaitHorizon, expenses.MasterDataWaitCheckInterval));
    }

    [Theory]
    [InlineData("Expenses:MasterDataWaitHorizon", "00:00:10", "Expenses:MasterDataWaitHorizon is 00:00:10")]
    [InlineData("Expenses:NoSuchKey", "1", "NoSuchKey")]
    [InlineData("Expenses:ClosedPeriod", "Shred", "ClosedPeriod")]
    [InlineData("Expenses:DedupeHorizonDays", "0", "Expenses:DedupeHorizonDays is 0")]
    [InlineData("Expenses:Rounding", "ToZero", "Expenses:Rounding is ToZero")]
    public void A_bad_expense_setting_is_refused_naming_it(string key, string value, string named)
    {
        var error = Assert.Throws<ConfigurationException>(() => Bind((key, value)));

        Assert.Contains(named, error.Message);
    }

    private static StreamFinanceSettings Bind(params (string Key, string Value)[] values) =>
        StreamFinanceSettings.Bind(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)))
            .Build());
}
