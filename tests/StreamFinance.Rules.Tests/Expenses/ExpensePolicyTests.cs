using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.Expenses;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Expenses;

namespace StreamFinance.Rules.Tests.Expenses;

public sealed class ExpensePolicyTests
{
    private readonly ExpensePolicy policy = new(ExpenseOptions.Default());

    [Fact]
    public void The_gl_account_comes_from_the_category_unless_the_line_overrides_it()
    {
        var violations = new List<Violation>();

        Assert.Equal("640300", policy.GlAccount("MEALS", null, "category", violations));
        Assert.Equal("699999", policy.GlAccount("MEALS", "699999", "category", violations));
        Assert.Empty(violations);
    }

    [Fact]
    public void A_category_without_gl_account_is_a_violation_naming_the_category_and_the_setting()
    {
        var violations = new List<Violation>();

        Assert.Null(policy.GlAccount("YACHT", " ", "category", violations));

        var violation = Assert.Single(violations);
        Assert.Equal((ReasonCode.UnmappedCategory, "category"), (violation.Reason, violation.Field));
        Assert.Contains("category YACHT has no GL account", violation.Message);
        Assert.Contains("Expenses:CategoryGlAccounts", violation.Message);
    }

    [Theory]
    [InlineData(150.00, "USD", false)]
    [InlineData(150.01, "USD", true)]
    [InlineData(22000, "JPY", false)]
    [InlineData(22001, "JPY", true)]
    [InlineData(99999, "GBP", false)]
    public void The_limit_applies_in_the_functional_currency_and_a_currency_without_limit_has_none(decimal amount, string currency, bool exceeded)
    {
        var violations = new List<Violation>();

        policy.CheckLimit("MEALS", amount, currency, "amount", violations);

        Assert.Equal(exceeded, violations.Any(v => v.Reason == ReasonCode.PolicyLimitExceeded));
    }

    [Fact]
    public void The_limit_message_names_the_amount_the_category_and_the_limit_in_the_currency_minor_units()
    {
        var violations = new List<Violation>();

        policy.CheckLimit("HOTEL", 90500m, "JPY", "amount", violations);

        Assert.Equal("amount 90500 JPY of category HOTEL is above its limit of 90000 JPY", Assert.Single(violations).Message);
    }

    [Theory]
    [InlineData(75.00, false, false)]
    [InlineData(75.01, false, true)]
    [InlineData(500.00, true, false)]
    public void A_receipt_is_required_only_above_the_threshold(decimal amount, bool receipt, bool missing)
    {
        var violations = new List<Violation>();

        policy.CheckReceipt(amount, "USD", receipt, "receiptAttached", violations);

        Assert.Equal(missing, violations.Any(v => v.Reason == ReasonCode.MissingReceipt && v.Field == "receiptAttached"));
    }

    [Theory]
    [InlineData(2.5, "JPY", MidpointRounding.AwayFromZero, 3)]
    [InlineData(2.5, "JPY", MidpointRounding.ToEven, 2)]
    [InlineData(1.005, "USD", MidpointRounding.AwayFromZero, 1.01)]
    [InlineData(1.005, "USD", MidpointRounding.ToEven, 1.00)]
    [InlineData(0.0005, "BHD", MidpointRounding.AwayFromZero, 0.001)]
    [InlineData(0.0005, "BHD", MidpointRounding.ToEven, 0.000)]
    public void Rounding_uses_the_currency_minor_unit_and_the_configured_mode(decimal amount, string currency, MidpointRounding mode, decimal expected)
    {
        var rounding = new ExpensePolicy(new ExpenseOptions { Rounding = mode });

        Assert.Equal(expected, rounding.Round(amount, currency));
    }

    [Fact]
    public void The_default_tax_code_is_per_legal_entity()
    {
        Assert.Equal("DE-VAT19", policy.DefaultTaxCode("DE01"));
        Assert.Null(policy.DefaultTaxCode("FR01"));
    }

    [Fact]
    public void Invalid_options_are_refused_with_every_problem_named()
    {
        var options = new ExpenseOptions { DedupeHorizonDays = 0, Rounding = MidpointRounding.ToZero };
        options.CategoryLimits["MEALS"]["USD"] = -1m;

        var error = Assert.Throws<ArgumentException>(() => new ExpensePolicy(options));

        Assert.Contains("Expenses:DedupeHorizonDays is 0", error.Message);
        Assert.Contains("Expenses:Rounding is ToZero", error.Message);
        Assert.Contains("Expenses:CategoryLimits:MEALS:USD is -1", error.Message);
    }
}
