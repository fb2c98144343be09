using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.Expenses;
using StreamFinance.Rules.Checks;
using static StreamFinance.Rules.Tests.Expenses.RulesWorld;

namespace StreamFinance.Rules.Tests.Expenses;

/// <summary><c>Expenses:BookingEntity</c>: which legal entity books a line, when it is intercompany, and when it is COST_CENTER_ENTITY_MISMATCH.</summary>
public sealed class ExpenseBookingEntityTests
{
    [Fact]
    public void By_default_the_cost_centers_entity_books_and_an_employee_of_another_entity_makes_the_line_intercompany()
    {
        var result = RulesWith().Judge(Line(employee: "E-DE-1", costCenter: "CC-1000", amount: 100m));

        Assert.True(result.Valid, string.Join("; ", result.Violations));
        Assert.Equal(("US01", "DE01"), (result.LegalEntityId, result.EmployeeEntityId));
        Assert.Equal((100.00m, "USD"), (result.Functional!.ConvertedAmount, result.Functional.ConvertedCurrency));
        Assert.Equal((92.00m, "EUR"), (result.EmployeeEntityAmount!.ConvertedAmount, result.EmployeeEntityAmount.ConvertedCurrency));
    }

    [Fact]
    public void By_default_a_line_on_the_employees_default_cost_center_books_in_its_entity_and_is_not_intercompany()
    {
        var result = RulesWith().Judge(Line(employee: "E-DE-1", amount: 100m));

        Assert.True(result.Valid, string.Join("; ", result.Violations));
        Assert.Equal(("DE01", "CC-2000", (string?)null), (result.LegalEntityId, result.CostCenterId, result.EmployeeEntityId));
    }

    [Fact]
    public void By_default_a_charged_entity_that_contradicts_the_cost_center_is_COST_CENTER_ENTITY_MISMATCH()
    {
        var result = RulesWith().Judge(Line(charged: "DE01", costCenter: "CC-1000"));

        Assert.Equal(
            [new Violation(ReasonCode.CostCenterEntityMismatch, "costCenterId", "CC-1000", "cost center CC-1000 belongs to legal entity US01, not DE01")],
            result.Violations);
        Assert.Equal("US01", result.LegalEntityId);
    }

    [Fact]
    public void By_default_a_charged_entity_that_agrees_with_the_cost_center_books_there()
    {
        var result = RulesWith().Judge(Line(charged: "DE01", costCenter: "CC-2000", amount: 100m));

        Assert.True(result.Valid, string.Join("; ", result.Violations));
        Assert.Equal(("DE01", "US01"), (result.LegalEntityId, result.EmployeeEntityId));
    }

    [Fact]
    public void By_default_a_line_whose_cost_center_is_not_known_yet_only_waits_for_it_its_entity_being_unknown()
    {
        // Neither the default tax code nor FX nor the period can be judged before the cost center says which entity books.
        var result = RulesWith().Judge(Line(employee: "E-DE-1", costCenter: "CC-7777"));

        var violation = Assert.Single(result.Violations);
        Assert.Equal((ReasonCode.UnknownCostCenter, "COST_CENTER:CC-7777"), (violation.Reason, violation.Awaits));
        Assert.True(result.AwaitsMasterData);
        Assert.Null(result.LegalEntityId);
    }

    [Fact]
    public void In_Employee_mode_the_employees_entity_books_and_a_cost_center_of_another_entity_is_COST_CENTER_ENTITY_MISMATCH()
    {
        var rules = RulesWith(o => o.BookingEntity = BookingEntitySource.Employee);

        var result = rules.Judge(Line(employee: "E-DE-1", costCenter: "CC-1000"));

        Assert.Equal("DE01", result.LegalEntityId);
        Assert.Null(result.EmployeeEntityId);
        Assert.Equal(
            [new Violation(ReasonCode.CostCenterEntityMismatch, "costCenterId", "CC-1000", "cost center CC-1000 belongs to legal entity US01, not DE01")],
            result.Violations);
        Assert.Equal("COST_CENTER_ENTITY_MISMATCH", Assert.Single(rules.Judge(Line(employee: "E-DE-1", charged: "US01")).Violations).Code);
    }

    [Fact]
    public void In_Charged_mode_the_charged_entity_books_else_the_employees_and_a_cost_center_of_another_entity_is_COST_CENTER_ENTITY_MISMATCH()
    {
        var rules = RulesWith(o => o.BookingEntity = BookingEntitySource.Charged);

        var charged = rules.Judge(Line(employee: "E-DE-1", charged: "US01", costCenter: "CC-1000", amount: 100m));
        Assert.True(charged.Valid, string.Join("; ", charged.Violations));
        Assert.Equal(("US01", "DE01"), (charged.LegalEntityId, charged.EmployeeEntityId));

        var uncharged = rules.Judge(Line(employee: "E-DE-1", costCenter: "CC-1000"));
        Assert.Equal("DE01", uncharged.LegalEntityId);
        Assert.Equal(
            [new Violation(ReasonCode.CostCenterEntityMismatch, "costCenterId", "CC-1000", "cost center CC-1000 belongs to legal entity US01, not DE01")],
            uncharged.Violations);
    }

    [Fact]
    public void An_unknown_booking_mode_is_refused_naming_the_setting()
    {
        var options = ExpenseOptions.Default();
        options.BookingEntity = (BookingEntitySource)7;

        Assert.Contains(options.Validate(), p => p.StartsWith("Expenses:BookingEntity is 7", StringComparison.Ordinal));
    }
}
