using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using static StreamFinance.Rules.Tests.Expenses.RulesWorld;

namespace StreamFinance.Rules.Tests.Expenses;

/// <summary>
/// The expense policy's reference tables as master data (issue 13, point 6): the expense category and the booking
/// entity in force on the transaction date win over the <c>Expenses</c> settings, which answer only where master data
/// has nothing in force.
/// </summary>
public sealed class ExpenseReferenceDataTests
{
    private readonly Rules.Expenses.ExpenseRules rules = RulesWith();

    [Fact]
    public void Category_master_data_in_force_on_the_transaction_date_gives_the_gl_account_over_the_settings()
    {
        var meals = Category("MEALS", ("2020-01-01", "649000"));

        var assessment = rules.Judge(Line(category: "MEALS"), meals);

        Assert.Empty(assessment.Violations);
        Assert.Equal("649000", assessment.GlAccountId);
    }

    [Theory]
    [InlineData("2026-04-10", "649000")]
    [InlineData("2026-04-14", "649000")]
    [InlineData("2026-04-15", "649500")]
    [InlineData("2026-04-16", "649500")]
    public void Each_line_gets_the_gl_account_of_the_category_version_in_force_on_its_date(string date, string expected)
    {
        var meals = Category("MEALS", ("2026-01-01", "649000"), ("2026-04-15", "649500"));

        Assert.Equal(expected, rules.Judge(Line(category: "MEALS", date: date), meals).GlAccountId);
    }

    [Fact]
    public void A_category_whose_first_version_is_later_than_the_line_falls_back_to_the_settings()
    {
        var meals = Category("MEALS", ("2026-05-01", "649000"));

        Assert.Equal("640300", rules.Judge(Line(category: "MEALS"), meals).GlAccountId);
    }

    [Fact]
    public void A_category_master_data_does_not_know_falls_back_to_the_settings_and_one_only_master_data_knows_maps()
    {
        var training = Category("TRAINING", ("2020-01-01", "652000"));

        var software = rules.Judge(Line(category: "SOFTWARE"), training);
        var trained = rules.Judge(Line(category: "TRAINING"), training);

        Assert.Equal("650100", software.GlAccountId);
        Assert.Empty(trained.Violations);
        Assert.Equal("652000", trained.GlAccountId);
    }

    [Fact]
    public void The_line_own_gl_account_still_wins_over_category_master_data()
    {
        var meals = Category("MEALS", ("2020-01-01", "649000"));
        var line = Line(category: "MEALS") with { GlAccountId = "699999" };

        Assert.Equal("699999", rules.Judge(line, meals).GlAccountId);
    }

    [Fact]
    public void Category_limits_from_master_data_replace_the_settings_limits_of_that_category()
    {
        // Settings: MEALS 150 USD. Master data: 50 USD from 2026-04-01, nothing in USD before.
        var meals = Category("MEALS", ("2026-01-01", "640300", []), ("2026-04-01", "640300", [("USD", 50m)]));

        var april = rules.Judge(Line(category: "MEALS", amount: 60m), meals);
        var march = rules.Judge(Line(category: "MEALS", amount: 200m, date: "2026-03-10"), meals);

        Assert.Equal(ReasonCode.PolicyLimitExceeded, Assert.Single(april.Violations).Reason);
        Assert.Contains("above its limit of 50.00 USD", april.Violations[0].Message);
        Assert.DoesNotContain(march.Violations, v => v.Reason == ReasonCode.PolicyLimitExceeded);
    }

    [Fact]
    public void Without_category_master_data_the_settings_limits_apply()
    {
        var assessment = rules.Judge(Line(category: "MEALS", amount: 160m));

        Assert.Equal(ReasonCode.PolicyLimitExceeded, Assert.Single(assessment.Violations).Reason);
    }

    [Fact]
    public void The_entity_default_tax_code_in_force_wins_over_the_settings_and_is_checked_like_any_tax_code()
    {
        var us01 = EntityVersions("US01", ("2020-01-01", null, null), ("2026-04-15", "US-SALES", null));
        var salesTax = Of(MasterDataObjectType.TAX_CODE, "US-SALES", ("2020-01-01", new TaxCode
        {
            taxCodeId = "US-SALES", jurisdiction = "US", description = "US sales tax", rate = AvroDecimals.ToAvro(0.07m, AvroDecimals.TaxRateScale), validFrom = Day("2020-01-01"),
        }));

        var before = rules.Judge(Line(), us01, salesTax);
        var after = rules.Judge(Line(date: "2026-04-16"), us01, salesTax);

        Assert.Equal("US-EXEMPT", before.TaxCodeId);
        Assert.Empty(after.Violations);
        Assert.Equal("US-SALES", after.TaxCodeId);
    }

    [Fact]
    public void An_entity_default_tax_code_master_data_does_not_hold_is_an_unknown_tax_code()
    {
        var us01 = EntityVersions("US01", ("2020-01-01", "US-NOPE", null));

        var assessment = rules.Judge(Line(), us01);

        Assert.Equal(ReasonCode.UnknownTaxCode, Assert.Single(assessment.Violations).Reason);
    }

    [Fact]
    public void The_entity_receipt_threshold_in_its_functional_currency_wins_over_the_settings()
    {
        // Settings: 75 USD. Master data: 25 USD from 2026-04-15.
        var us01 = EntityVersions("US01", ("2020-01-01", null, null), ("2026-04-15", null, ("USD", 25m)));

        var before = rules.Judge(Line(amount: 40m, receipt: false), us01);
        var after = rules.Judge(Line(amount: 40m, receipt: false, date: "2026-04-16"), us01);

        Assert.Empty(before.Violations);
        var violation = Assert.Single(after.Violations);
        Assert.Equal(ReasonCode.MissingReceipt, violation.Reason);
        Assert.Contains("receipt threshold of 25.00 USD", violation.Message);
    }

    [Fact]
    public void An_entity_receipt_threshold_in_another_currency_is_ignored_and_the_settings_apply()
    {
        var us01 = EntityVersions("US01", ("2020-01-01", null, ("EUR", 10m)));

        Assert.Empty(rules.Judge(Line(amount: 40m, receipt: false), us01).Violations);
        Assert.Equal(ReasonCode.MissingReceipt, Assert.Single(rules.Judge(Line(amount: 80m, receipt: false), us01).Violations).Reason);
    }

    private static MasterDataHistory Category(string id, params (string From, string Account)[] versions) =>
        Category(id, [.. versions.Select(v => (v.From, v.Account, new (string, decimal)[] { }))]);

    private static MasterDataHistory Category(string id, params (string From, string Account, (string Currency, decimal Limit)[] Limits)[] versions) =>
        Of(MasterDataObjectType.EXPENSE_CATEGORY, id, [.. versions.Select(v => (v.From, (Avro.Specific.ISpecificRecord)new ExpenseCategory
        {
            categoryId = id, name = id, glAccountId = v.Account, effectiveFrom = Day(v.From),
            limits = [.. v.Limits.Select(l => l.Limit.ToMoney(l.Currency))],
        }))]);

    private static MasterDataHistory EntityVersions(string id, params (string From, string? TaxCode, (string Currency, decimal Amount)? Threshold)[] versions) =>
        Of(MasterDataObjectType.LEGAL_ENTITY, id, [.. versions.Select(v =>
        {
            var entity = Entity(id, "US", "USD");
            entity.effectiveFrom = Day(v.From);
            entity.defaultTaxCodeId = v.TaxCode;
            entity.receiptThreshold = v.Threshold is { } t ? t.Amount.ToMoney(t.Currency) : null;
            return (v.From, (Avro.Specific.ISpecificRecord)entity);
        })]);
}
