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
}
