using StreamFinance.Domain.Journals;

namespace StreamFinance.Domain.Tests.Journals;

public class ExpenseToPostCheckTests
{
    [Fact]
    public void A_complete_expense_at_its_minor_unit_has_no_problems()
    {
        Assert.Empty(ExpenseToPostCheck.Problems(Expenses.Us("E1", 12.34m)));
        Assert.Empty(ExpenseToPostCheck.Problems(Expenses.DeChargedForUsEmployee("E2", 1m, 1.09m)));
    }

    [Fact]
    public void An_amount_finer_than_the_currency_minor_unit_is_a_problem()
    {
        var problems = ExpenseToPostCheck.Problems(Expenses.Us("E1", 12.345m));

        Assert.Contains(problems, p => p.Contains("12.345 USD", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_currency_and_a_half_filled_intercompany_expense_are_problems()
    {
        var expense = Expenses.Us("E1", 1m) with { Currency = "XXQ", EmployeeEntityId = "DE01" };

        var problems = ExpenseToPostCheck.Problems(expense);

        Assert.Contains(problems, p => p.Contains("'XXQ'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("set together", StringComparison.Ordinal));
    }

    [Fact]
    public void An_employee_entity_equal_to_the_booking_entity_is_a_problem()
    {
        var expense = Expenses.Us("E1", 1m) with { EmployeeEntityId = "US01", EmployeeEntityAmount = 1m, EmployeeEntityCurrency = "USD" };

        Assert.Contains(ExpenseToPostCheck.Problems(expense), p => p.Contains("equals the booking entity", StringComparison.Ordinal));
    }
}
