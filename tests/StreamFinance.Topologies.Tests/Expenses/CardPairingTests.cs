using static StreamFinance.Topologies.Tests.Expenses.ExpenseWorld;

namespace StreamFinance.Topologies.Tests.Expenses;

public sealed class CardPairingTests
{
    [Fact]
    public void A_card_charge_and_the_expense_line_that_documents_it_post_once_as_a_card_charge()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Card("T-1"));
        Assert.Equal(["T-1"], driver.HeldCards());

        driver.Send(Expense("EXP-1", card: "T-1"));

        var approved = driver.ApprovedOne();
        Assert.True(approved.isCardCharge);
        Assert.Empty(driver.HeldCards());
        Assert.Empty(driver.DeadLetters());
    }

    [Fact]
    public void A_card_charge_arriving_after_its_expense_line_is_not_held_and_does_not_post()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Expense("EXP-1", card: "T-1"));
        driver.Send(Card("T-1"));

        Assert.Single(driver.Approved());
        Assert.Empty(driver.HeldCards());
        Assert.Empty(driver.DeadLetters());
    }

    [Fact]
    public void An_undocumented_card_charge_stays_held_and_a_re_delivery_is_not_held_twice()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Card("T-1"));
        driver.Send(Card("T-1"));
        driver.Send(Card("T-2"));

        Assert.Equal(["T-1", "T-2"], driver.HeldCards());
        Assert.Empty(driver.Approved());
    }

    [Fact]
    public void A_card_charge_whose_expense_line_is_dead_lettered_stays_held()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Card("T-1"));
        driver.Send(Expense("EXP-1", card: "T-1", costCenter: "CC-1042"));

        Assert.Single(driver.DeadLetters());
        Assert.Equal(["T-1"], driver.HeldCards());
    }
}
