using System.Text;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using static StreamFinance.Topologies.Tests.Expenses.ExpenseWorld;

namespace StreamFinance.Topologies.Tests.Expenses;

public sealed class ExpenseHorizonTests
{
    [Fact]
    public void A_card_charge_still_undocumented_after_the_horizon_is_dead_lettered_for_finance_ops_with_its_bytes()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Card("T-1"));
        driver.DaysPass(30);

        driver.Send(Card("T-2"));

        var deadLetter = driver.DeadLetterOne();
        Assert.Equal(("UNDOCUMENTED_CARD_CHARGE", OwnerRole.FINANCE_OPS), (deadLetter.reasonCode, deadLetter.ownerRole));
        Assert.Equal((Topics.CardTransactions.Name, "T-1"), (deadLetter.originTopic, Encoding.UTF8.GetString(deadLetter.rawKey)));
        Assert.Contains("Card transaction T-1 has not been documented by an expense line (cardTransactionId T-1) within 30 days of 2026-04-20", deadLetter.message);
        Assert.NotEmpty(deadLetter.rawValue);
        Assert.Equal(["T-2"], driver.HeldCards());
        Assert.Empty(driver.Approved());
    }

    [Fact]
    public void A_card_charge_documented_within_the_horizon_is_never_dead_lettered()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Card("T-1"));
        driver.Send(Expense("EXP-1", card: "T-1"));
        driver.DaysPass(40);

        driver.Send(Card("T-2"));

        Assert.Empty(driver.DeadLetters());
        Assert.Single(driver.Approved());
    }

    [Fact]
    public void An_idempotency_key_is_forgotten_after_the_dedupe_horizon()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Expense("EXP-1"));
        driver.DaysPass(30);

        driver.Send(Expense("EXP-2"));

        Assert.Null(driver.DedupeEntry("concur:EXP-1:1"));
        Assert.Equal("Approved|2026-05-20", driver.DedupeOutcome("concur:EXP-2:1"));
    }
}
