using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Domain.Expenses;
using static StreamFinance.Topologies.Tests.Expenses.ExpenseWorld;

namespace StreamFinance.Topologies.Tests.Expenses;

public sealed class ExpenseApprovalTests
{
    [Fact]
    public void An_expense_line_is_approved_with_entity_default_cost_center_gl_account_tax_code_and_period()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Expense("EXP-1"));

        var approved = driver.ApprovedOne();
        Assert.Equal(("US01", "CC-1000", "650100", "US-EXEMPT", "US"), (approved.legalEntityId, approved.costCenterId, approved.glAccountId, approved.taxCodeId, approved.taxJurisdiction));
        Assert.Equal((40.00m, "USD"), (approved.functionalAmount.ToDecimal(), approved.functionalAmount.currency));
        Assert.Equal(1m, AvroDecimals.ToDecimal(approved.fxRate));
        Assert.Equal(("US01-2026-04", 2026, 4), (approved.postingPeriodId, approved.fiscalYear, approved.periodNumber));
        Assert.False(approved.isCardCharge);
        Assert.Null(approved.employeeEntityId);
        Assert.Equal("concur:EXP-1:1", approved.envelope.idempotencyKey);
        Assert.Empty(driver.DeadLetters());
    }

    [Fact]
    public void A_cost_center_active_on_the_transaction_date_but_inactive_today_is_approved()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Expense("EXP-1", date: "2026-03-25", costCenter: "CC-1042"));

        var approved = driver.ApprovedOne();
        Assert.Equal("CC-1042", approved.costCenterId);
    }

    [Fact]
    public void A_cost_center_inactive_on_the_transaction_date_but_active_today_is_dead_lettered()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Expense("EXP-1", date: "2026-03-25", costCenter: "CC-1050"));

        var deadLetter = driver.DeadLetterOne();
        Assert.Equal("INACTIVE_COST_CENTER", deadLetter.reasonCode);
        Assert.Contains("cost center CC-1050 is inactive since 2020-01-01 (field costCenterId)", deadLetter.message);
        Assert.Empty(driver.Approved());
    }

    [Fact]
    public void A_foreign_currency_is_converted_at_the_rate_of_the_transaction_date()
    {
        using var driver = new ExpenseDriver();
        driver.MasterData(Rate("EUR", "USD", "2026-04-09", 1.05m));
        driver.MasterData(Rate("EUR", "USD", "2026-04-10", 1.08m));
        driver.Send(Expense("EXP-1", amount: 50m, currency: "EUR"));

        var approved = driver.ApprovedOne();
        Assert.Equal((54.00m, "USD"), (approved.functionalAmount.ToDecimal(), approved.functionalAmount.currency));
        Assert.Equal(1.08m, AvroDecimals.ToDecimal(approved.fxRate));
        Assert.Equal(Day("2026-04-10"), approved.fxRateDate);
    }

    [Fact]
    public void Without_a_rate_on_the_date_the_rate_of_an_earlier_business_day_is_used_within_the_fallback()
    {
        using var driver = new ExpenseDriver();
        driver.MasterData(Rate("EUR", "USD", "2026-04-09", 1.05m));
        driver.Send(Expense("EXP-1", amount: 100m, currency: "EUR", date: "2026-04-10"));

        var approved = driver.ApprovedOne();
        Assert.Equal(105.00m, approved.functionalAmount.ToDecimal());
        Assert.Equal(Day("2026-04-09"), approved.fxRateDate);
    }

    [Fact]
    public void Without_any_rate_within_the_fallback_the_expense_waits_and_is_dead_lettered_as_fx_rate_missing_at_the_wait_horizon()
    {
        using var driver = new ExpenseDriver();
        driver.MasterData(Rate("EUR", "USD", "2026-03-30", 1.05m));
        driver.Send(Expense("EXP-1", amount: 100m, currency: "EUR", date: "2026-04-10"));
        driver.TimePasses(driver.Options.MasterDataWaitHorizon);

        var deadLetter = driver.DeadLetterOne();
        Assert.Equal("FX_RATE_MISSING", deadLetter.reasonCode);
        Assert.Contains("no rate to convert EUR into USD", deadLetter.message);
        Assert.Contains("(field amount)", deadLetter.message);
    }

    [Theory]
    [InlineData("E-JP-1", "EUR", "JPY", 1.00, 160.5, MidpointRounding.AwayFromZero, 161)]
    [InlineData("E-JP-1", "EUR", "JPY", 1.00, 160.5, MidpointRounding.ToEven, 160)]
    [InlineData("E-US-1", "EUR", "USD", 1.00, 1.125, MidpointRounding.AwayFromZero, 1.13)]
    [InlineData("E-US-1", "EUR", "USD", 1.00, 1.125, MidpointRounding.ToEven, 1.12)]
    [InlineData("E-BH-1", "USD", "BHD", 1.00, 0.3765, MidpointRounding.AwayFromZero, 0.377)]
    [InlineData("E-BH-1", "USD", "BHD", 1.00, 0.3765, MidpointRounding.ToEven, 0.376)]
    public void The_functional_amount_is_rounded_to_the_minor_unit_of_the_functional_currency_with_the_configured_mode(
        string employee, string from, string to, decimal amount, decimal rate, MidpointRounding rounding, decimal expected)
    {
        using var driver = new ExpenseDriver(o => o.Rounding = rounding);
        driver.MasterData(Rate(from, to, "2026-04-10", rate));
        driver.Send(Expense("EXP-1", employee: employee, amount: amount, currency: from));

        var approved = driver.ApprovedOne();
        Assert.Equal(to, approved.functionalAmount.currency);
        Assert.Equal(expected, approved.functionalAmount.ToDecimal());
    }

    [Fact]
    public void An_expense_in_a_closed_period_rolls_forward_into_the_next_open_period_by_default()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Expense("EXP-1", date: "2026-03-25"));

        var approved = driver.ApprovedOne();
        Assert.Equal(("US01-2026-04", 4), (approved.postingPeriodId, approved.periodNumber));
        Assert.Equal(Day("2026-03-25"), approved.expense.transactionDate);
    }

    [Fact]
    public void An_expense_in_a_closed_period_is_dead_lettered_when_the_policy_says_so()
    {
        using var driver = new ExpenseDriver(o => o.ClosedPeriod = ClosedPeriodPolicy.DeadLetter);
        driver.Send(Expense("EXP-1", date: "2026-03-25"));

        var deadLetter = driver.DeadLetterOne();
        Assert.Equal("CLOSED_PERIOD", deadLetter.reasonCode);
        Assert.Contains("accounting period US01-2026-03 of legal entity US01 (transaction date 2026-03-25) is closed", deadLetter.message);
    }

    [Fact]
    public void An_expense_charged_to_another_entity_carries_the_employee_entity_and_its_amount_for_intercompany()
    {
        using var driver = new ExpenseDriver();
        driver.MasterData(Rate("USD", "EUR", "2026-04-10", 0.92m));
        driver.Send(Expense("EXP-1", employee: "E-DE-1", amount: 100m, currency: "USD", costCenter: "CC-1000", chargedEntity: "US01"));

        var approved = driver.ApprovedOne();
        Assert.Equal(("US01", "DE01"), (approved.legalEntityId, approved.employeeEntityId));
        Assert.Equal((100.00m, "USD"), (approved.functionalAmount.ToDecimal(), approved.functionalAmount.currency));
        Assert.Equal((92.00m, "EUR"), (approved.employeeEntityAmount.ToDecimal(), approved.employeeEntityAmount.currency));
    }
}
