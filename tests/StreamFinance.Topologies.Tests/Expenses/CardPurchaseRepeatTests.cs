using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Topologies.Expenses;
using static StreamFinance.Topologies.Tests.Expenses.ExpenseWorld;

namespace StreamFinance.Topologies.Tests.Expenses;

/// <summary>
/// The same approved side of a card purchase again, as the expense topology writes it when it decides a line again after
/// a failure (issue 14 point 3): a duplicate in every state of the purchase, never a conflict, a second merge or a second
/// posting. The side that posted is written again byte for byte (its first write may have been lost with the failed task).
/// </summary>
public sealed class CardPurchaseRepeatTests
{
    [Fact]
    public void A_repeated_report_line_that_documented_a_held_charge_is_a_duplicate_and_its_approval_is_written_again_unchanged()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Card("T-1"));
        driver.Send(Expense("EXP-1", card: "T-1"));
        var first = driver.ApprovedOne();

        driver.RepeatApproval(first);

        Assert.Equal(driver.Bytes(Topics.ApprovedExpenses, first), driver.Bytes(Topics.ApprovedExpenses, driver.ApprovedOne()));
        AssertCounted(driver, ExpenseMetrics.ReportLineSide, posted: 1, merged: 0, duplicate: 1);
        Assert.Empty(driver.HeldCards());
        Assert.Empty(driver.DeadLetters());
    }

    [Fact]
    public void A_repeated_coded_card_transaction_that_posted_on_its_own_is_a_duplicate_and_its_approval_is_written_again_unchanged()
    {
        using var driver = new ExpenseDriver();
        driver.Send(CodedCard("T-1"));
        driver.ReportLineWaitPasses();
        var first = driver.ApprovedOne();

        driver.RepeatApproval(first);

        Assert.Equal(driver.Bytes(Topics.ApprovedExpenses, first), driver.Bytes(Topics.ApprovedExpenses, driver.ApprovedOne()));
        AssertCounted(driver, ExpenseMetrics.CardSide, posted: 1, merged: 0, duplicate: 1);
        Assert.Empty(driver.DeadLetters());
    }

    [Fact]
    public void A_repeated_coded_card_transaction_that_waits_for_its_report_line_is_a_duplicate_and_posts_once()
    {
        using var driver = new ExpenseDriver();
        driver.Send(CodedCard("T-1"));
        var waiting = driver.WaitingCodedCard("T-1") ?? throw new InvalidOperationException("T-1 does not wait");

        driver.RepeatApproval(waiting);
        Assert.Empty(driver.Approved());
        Assert.Equal(["T-1"], driver.WaitingCodedCards());
        driver.ReportLineWaitPasses();

        Assert.Equal("ramp:T-1", driver.ApprovedOne().expense.expenseId);
        AssertCounted(driver, ExpenseMetrics.CardSide, posted: 1, merged: 0, duplicate: 1);
        Assert.Empty(driver.DeadLetters());
    }

    [Fact]
    public void Repeats_of_both_sides_after_the_report_line_posted_over_a_waiting_coded_card_are_duplicates()
    {
        using var driver = new ExpenseDriver();
        driver.Send(CodedCard("T-1"));
        var card = driver.WaitingCodedCard("T-1") ?? throw new InvalidOperationException("T-1 does not wait");
        driver.Send(Expense("EXP-1", card: "ramp:T-1"));
        var line = driver.ApprovedOne();

        driver.RepeatApproval(card);
        Assert.Empty(driver.Approved());
        driver.RepeatApproval(line);

        Assert.Equal(driver.Bytes(Topics.ApprovedExpenses, line), driver.Bytes(Topics.ApprovedExpenses, driver.ApprovedOne()));
        AssertCounted(driver, ExpenseMetrics.CardSide, posted: 0, merged: 1, duplicate: 1);
        AssertCounted(driver, ExpenseMetrics.ReportLineSide, posted: 1, merged: 0, duplicate: 1);
        Assert.Empty(driver.DeadLetters());
    }

    [Fact]
    public void A_repeated_report_line_merged_into_a_coded_card_that_posts_over_the_report_is_a_duplicate()
    {
        using var driver = new ExpenseDriver(o => o.CardSpend.PostsOverReport["Brex"] = true);
        driver.Send(CodedCard("T-1", source: "brex", costCenter: "CC-1050"));
        driver.ApprovedOne();
        driver.Send(Expense("EXP-1", card: "brex:T-1"));
        Assert.Empty(driver.Approved());
        // The line's approval as the decide step made it (merged, it was not written): the same line in a driver of its own.
        using var alone = new ExpenseDriver();
        var line = ApprovalOf(alone, Expense("EXP-1", card: "brex:T-1"));

        driver.RepeatApproval(line);

        Assert.Empty(driver.Approved());
        AssertCounted(driver, ExpenseMetrics.ReportLineSide, posted: 0, merged: 1, duplicate: 1);
        Assert.Empty(driver.DeadLetters());
    }

    /// <summary>The approval <paramref name="line"/> gets on its own (no card transaction), as the expense decide step makes it.</summary>
    private static ApprovedExpense ApprovalOf(ExpenseDriver driver, Contracts.Transactions.ExpenseLine line)
    {
        driver.Send(line);
        return driver.ApprovedOne();
    }

    private static void AssertCounted(ExpenseDriver driver, string side, int posted, int merged, int duplicate)
    {
        var metrics = driver.ExpenseMetrics;
        Assert.Equal(
            (posted, merged, duplicate, 0),
            ((int)metrics.Purchases(side, ExpenseMetrics.Posted), (int)metrics.Purchases(side, ExpenseMetrics.Merged), (int)metrics.Purchases(side, ExpenseMetrics.Duplicate), (int)metrics.Purchases(side, ExpenseMetrics.Conflict)));
    }
}
