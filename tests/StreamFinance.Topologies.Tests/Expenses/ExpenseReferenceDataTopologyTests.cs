using StreamFinance.Contracts.Outputs;
using StreamFinance.Topologies.Tests.MasterData;
using static StreamFinance.Topologies.Tests.Expenses.ExpenseWorld;

namespace StreamFinance.Topologies.Tests.Expenses;

/// <summary>
/// Expense categories as master data, end to end through both topologies: an <c>md.updates</c> record accepted by the
/// master-data topology reaches <c>md.history</c>, and the expense topology codes lines with the version in force on
/// each line's date; lines dated before it, and lines judged before it arrived, keep the settings' account.
/// </summary>
public sealed class ExpenseReferenceDataTopologyTests
{
    [Fact]
    public void An_md_updates_expense_category_changes_the_gl_account_of_lines_dated_from_its_effective_date()
    {
        using var masterData = new MasterDataDriver();
        using var expenses = new ExpenseDriver();
        expenses.Send(Expense("EXP-0", date: "2026-04-16"));

        masterData.Send(TestUpdates.ExpenseCategory("SOFTWARE", "652500", TestUpdates.Day(2026, 4, 15)));
        Assert.Empty(masterData.DeadLetters.ReadValueList());
        Assert.Equal("652500", MasterDataDriver.Compacted(masterData.ExpenseCategories)["SOFTWARE"].glAccountId);
        foreach (var history in masterData.History.ReadKeyValueList())
            expenses.MasterData((history.Message.Key, history.Message.Value));
        expenses.Send(Expense("EXP-1", date: "2026-04-16"));
        expenses.Send(Expense("EXP-2", date: "2026-04-10"));

        Assert.Equal(
            [("EXP-0", "650100"), ("EXP-1", "652500"), ("EXP-2", "650100")],
            expenses.Approved().Select(a => (a.expense.expenseId, a.glAccountId)));
        Assert.Empty(expenses.DeadLetters());
    }

    [Fact]
    public void An_expense_category_limit_from_master_data_dead_letters_a_line_the_settings_would_pass()
    {
        using var masterData = new MasterDataDriver();
        using var expenses = new ExpenseDriver();

        masterData.Send(TestUpdates.ExpenseCategory("MEALS", "640300", TestUpdates.Day(2026, 1, 1), limits: ("USD", 50m)));
        foreach (var history in masterData.History.ReadKeyValueList())
            expenses.MasterData((history.Message.Key, history.Message.Value));
        expenses.Send(Expense("EXP-1", category: "MEALS", amount: 60m));

        var deadLetter = expenses.DeadLetterOne();
        Assert.Equal(ReasonCode.PolicyLimitExceeded.Code, deadLetter.reasonCode);
        Assert.Contains("above its limit of 50.00 USD", deadLetter.message);
    }

    [Fact]
    public void An_expense_category_from_another_source_than_its_system_of_record_is_an_ownership_violation()
    {
        using var masterData = new MasterDataDriver();

        masterData.Send(TestUpdates.ExpenseCategory("MEALS", "699999", TestUpdates.Day(2026, 1, 1), source: "concur"));

        Assert.Equal(ReasonCode.OwnershipViolation.Code, Assert.Single(masterData.DeadLetters.ReadValueList()).reasonCode);
        Assert.Empty(masterData.History.ReadValueList());
    }
}
