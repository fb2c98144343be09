using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Domain.Expenses;
using static StreamFinance.Topologies.Tests.Expenses.ExpenseWorld;

namespace StreamFinance.Topologies.Tests.Expenses;

/// <summary><c>Expenses:BookingEntity</c> in the expense topology: the entity an approved expense books in, and intercompany.</summary>
public sealed class ExpenseBookingEntityTests
{
    [Fact]
    public void By_default_an_employee_coding_another_entitys_cost_center_is_booked_there_as_intercompany()
    {
        using var driver = new ExpenseDriver();
        driver.MasterData(Rate("USD", "EUR", "2026-04-10", 0.92m));
        // E-DE-1 of DE01 codes CC-1000 of US01 and names no charged entity.
        driver.Send(Expense("EXP-1", employee: "E-DE-1", amount: 100m, currency: "USD", costCenter: "CC-1000"));

        var approved = driver.ApprovedOne();
        Assert.Equal(("US01", "CC-1000", "DE01"), (approved.legalEntityId, approved.costCenterId, approved.employeeEntityId));
        Assert.Equal((100.00m, "USD"), (approved.functionalAmount.ToDecimal(), approved.functionalAmount.currency));
        Assert.Equal((92.00m, "EUR"), (approved.employeeEntityAmount.ToDecimal(), approved.employeeEntityAmount.currency));
    }

    [Fact]
    public void In_Employee_mode_the_same_line_is_dead_lettered_as_COST_CENTER_ENTITY_MISMATCH()
    {
        using var driver = new ExpenseDriver(o => o.BookingEntity = BookingEntitySource.Employee);
        driver.MasterData(Rate("USD", "EUR", "2026-04-10", 0.92m));
        driver.Send(Expense("EXP-1", employee: "E-DE-1", amount: 100m, currency: "USD", costCenter: "CC-1000"));

        var deadLetter = driver.DeadLetterOne();
        Assert.Equal("COST_CENTER_ENTITY_MISMATCH", deadLetter.reasonCode);
        var violation = Assert.Single(deadLetter.violations);
        Assert.Equal(("costCenterId", "CC-1000", "cost center CC-1000 belongs to legal entity US01, not DE01"), (violation.field, violation.value, violation.message));
    }

    [Fact]
    public void In_Charged_mode_the_charged_entity_books_and_a_line_without_one_books_in_the_employees_entity()
    {
        using var driver = new ExpenseDriver(o => o.BookingEntity = BookingEntitySource.Charged);
        driver.MasterData(Rate("USD", "EUR", "2026-04-10", 0.92m));
        driver.Send(Expense("EXP-1", employee: "E-DE-1", amount: 100m, currency: "USD", costCenter: "CC-1000", chargedEntity: "US01"));
        driver.Send(Expense("EXP-2", employee: "E-DE-1", amount: 100m, currency: "USD", costCenter: "CC-1000"));

        var approved = driver.ApprovedOne();
        Assert.Equal(("EXP-1", "US01", "DE01"), (approved.expense.expenseId, approved.legalEntityId, approved.employeeEntityId));
        Assert.Equal("COST_CENTER_ENTITY_MISMATCH", driver.DeadLetterOne().reasonCode);
    }
}
