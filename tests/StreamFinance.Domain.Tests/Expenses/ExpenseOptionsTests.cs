using StreamFinance.Domain.Expenses;

namespace StreamFinance.Domain.Tests.Expenses;

public sealed class ExpenseOptionsTests
{
    [Fact]
    public void Default_options_are_valid_roll_closed_periods_forward_round_half_away_from_zero_and_remember_keys_30_days()
    {
        var options = ExpenseOptions.Default();

        Assert.Empty(options.Validate());
        Assert.Equal(ClosedPeriodPolicy.RollForward, options.ClosedPeriod);
        Assert.Equal(MidpointRounding.AwayFromZero, options.Rounding);
        Assert.Equal((30, 30), (options.DedupeHorizonDays, options.CardDocumentationHorizonDays));
        Assert.Equal((TimeSpan.FromDays(1), TimeSpan.FromSeconds(5)), (options.MasterDataWaitHorizon, options.MasterDataWaitCheckInterval));
    }

    [Fact]
    public void A_master_data_wait_horizon_not_shorter_than_the_dedupe_horizon_is_refused()
    {
        var options = new ExpenseOptions { DedupeHorizonDays = 2, CardDocumentationHorizonDays = 2, MasterDataWaitHorizon = TimeSpan.FromDays(2) };

        var problem = Assert.Single(options.Validate());

        Assert.Contains("MasterDataWaitHorizon 2.00:00:00 is not shorter than DedupeHorizonDays 2", problem);
    }

    [Theory]
    [InlineData("00:00:30", "00:00:05", "Expenses:MasterDataWaitHorizon is 00:00:30: use 00:01:00 to 30.00:00:00")]
    [InlineData("1.00:00:00", "00:00:00.5000000", "Expenses:MasterDataWaitCheckInterval is 00:00:00.5000000: use 00:00:01 to 00:10:00")]
    public void A_wait_horizon_or_check_interval_out_of_range_is_named(string horizon, string interval, string expected)
    {
        var options = new ExpenseOptions { MasterDataWaitHorizon = TimeSpan.Parse(horizon, System.Globalization.CultureInfo.InvariantCulture), MasterDataWaitCheckInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Contains(expected, Assert.Single(options.Validate()));
    }

    [Fact]
    public void Each_default_instance_is_independent()
    {
        ExpenseOptions.Default().CategoryGlAccounts.Clear();

        Assert.Equal("640300", ExpenseOptions.Default().CategoryGlAccounts["MEALS"]);
    }

    [Fact]
    public void A_card_documentation_horizon_beyond_the_dedupe_horizon_is_refused()
    {
        var options = new ExpenseOptions { DedupeHorizonDays = 10, CardDocumentationHorizonDays = 20 };

        var problem = Assert.Single(options.Validate());

        Assert.Contains("CardDocumentationHorizonDays 20 is above DedupeHorizonDays 10", problem);
    }

    [Fact]
    public void A_negative_receipt_threshold_and_a_blank_gl_account_are_named()
    {
        var options = new ExpenseOptions();
        options.ReceiptThresholds["USD"] = -5m;
        options.CategoryGlAccounts["MEALS"] = "";

        var problems = options.Validate().ToList();

        Assert.Contains(problems, p => p.Contains("Expenses:ReceiptThresholds:USD is -5", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Expenses:CategoryGlAccounts:MEALS has no GL account", StringComparison.Ordinal));
    }

    [Fact]
    public void Card_spend_defaults_let_report_lines_win_after_a_one_hour_wait_and_a_wait_beyond_a_week_is_rejected()
    {
        var options = ExpenseOptions.Default();
        Assert.Equal(TimeSpan.FromHours(1), options.CardSpend.ReportLineWait);
        Assert.False(options.CardSpend.CardWins("ramp"));
        options.CardSpend.PostsOverReport["BREX"] = true;
        Assert.True(options.CardSpend.CardWins("brex"));

        options.CardSpend.ReportLineWait = TimeSpan.FromDays(8);
        Assert.Contains("Expenses:CardSpend:ReportLineWait", Assert.Single(options.Validate()));
    }
}
