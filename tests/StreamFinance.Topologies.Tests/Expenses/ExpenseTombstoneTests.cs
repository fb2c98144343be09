using StreamFinance.Contracts.Catalog;
using StreamFinance.Topologies.Expenses;
using StreamFinance.Topologies.Tests.DeadLetters;
using static StreamFinance.Topologies.Tests.Expenses.ExpenseWorld;

namespace StreamFinance.Topologies.Tests.Expenses;

/// <summary>Issue 11: a tombstone on any source of the expense topology stopped it for good (NullReferenceException).</summary>
public sealed class ExpenseTombstoneTests
{
    [Fact]
    public void A_tombstone_on_ingest_expenses_is_dead_lettered_for_integration_support_and_the_next_line_is_approved()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Expense("EXP-1"));
        driver.SendExpenseTombstone("EXP-2");
        driver.Send(Expense("EXP-3"));

        TombstoneDeadLetter.Assert(driver.DeadLetterOne(), Topics.Expenses.Name, "EXP-2", offset: 1, ExpenseNames.ExpenseTombstones,
            "send the full expense line");
        Assert.Equal(["EXP-1", "EXP-3"], driver.Approved().Select(a => a.expense.expenseId));
    }

    [Fact]
    public void A_tombstone_on_ingest_card_transactions_is_dead_lettered_for_integration_support_and_the_next_charge_is_held()
    {
        using var driver = new ExpenseDriver();
        driver.SendCardTombstone("T-1");
        driver.Send(Card("T-2"));

        TombstoneDeadLetter.Assert(driver.DeadLetterOne(), Topics.CardTransactions.Name, "T-1", offset: 0, ExpenseNames.CardTombstones,
            "send the full card transaction");
        Assert.Equal(["T-2"], driver.HeldCards());
    }

    [Fact]
    public void A_tombstone_on_the_card_purchase_repartition_is_dead_lettered_and_a_line_still_releases_charges()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Card("T-1"));
        driver.SendDocumentationTombstone("T-9");
        driver.Send(Expense("EXP-1", card: "T-1"));

        var deadLetter = driver.DeadLetterOne();
        TombstoneDeadLetter.Assert(deadLetter, deadLetter.originTopic, "T-9", offset: 0, ExpenseNames.PurchaseTombstones,
            "which writes only full records here");
        Assert.EndsWith($"{ExpenseNames.CardPurchases}-repartition", deadLetter.originTopic);
        Assert.Single(driver.Approved());
        Assert.Empty(driver.HeldCards());
    }
}
