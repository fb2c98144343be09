using System.Text;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Topologies.Expenses;
using static StreamFinance.Topologies.Tests.Expenses.ExpenseWorld;

namespace StreamFinance.Topologies.Tests.Expenses;

public sealed class CodedCardSpendTests
{
    [Fact]
    public void A_fully_coded_card_transaction_waits_for_its_report_line_then_posts_on_its_own_as_a_card_charge()
    {
        using var driver = new ExpenseDriver();
        driver.Send(CodedCard("T-1", project: "PRJ-OPEN"));
        Assert.Empty(driver.Approved());
        Assert.Equal(["T-1"], driver.WaitingCodedCards());

        driver.ReportLineWaitPasses();

        var approved = driver.ApprovedOne();
        Assert.Equal(("ramp:T-1", "ramp:T-1", true, true), (approved.expense.expenseId, approved.expense.cardTransactionId, approved.expense.codedCardTransaction == true, approved.isCardCharge));
        Assert.Equal(("CC-1000", "PRJ-OPEN", "650100", "US01"), (approved.costCenterId, approved.projectId, approved.glAccountId, approved.legalEntityId));
        Assert.Equal("Team licences", approved.expense.description);
        Assert.Empty(driver.WaitingCodedCards());
        Assert.Empty(driver.HeldCards());
        Assert.Equal(1, driver.ExpenseMetrics.Purchases(ExpenseMetrics.CardSide, ExpenseMetrics.Posted));
    }

    [Fact]
    public void A_coded_card_transaction_of_a_source_set_to_post_over_the_report_posts_at_once()
    {
        using var driver = new ExpenseDriver(o => o.CardSpend.PostsOverReport["Brex"] = true);
        driver.Send(CodedCard("T-1", source: "brex"));

        Assert.Equal("brex:T-1", driver.ApprovedOne().expense.expenseId);
        Assert.Empty(driver.WaitingCodedCards());
    }

    [Fact]
    public void A_card_transaction_missing_part_of_its_coding_is_held_for_its_expense_line_as_an_uncoded_charge()
    {
        using var driver = new ExpenseDriver();
        var card = CodedCard("T-1");
        card.receiptAttached = null;
        driver.Send(card);

        Assert.Equal(["T-1"], driver.HeldCards());
        Assert.Empty(driver.WaitingCodedCards());
        driver.ReportLineWaitPasses();
        Assert.Empty(driver.Approved());
    }

    [Fact]
    public void A_report_line_arriving_within_the_wait_posts_and_the_coded_card_transaction_is_merged_even_when_its_coding_differs()
    {
        using var driver = new ExpenseDriver();
        driver.Send(CodedCard("T-1", costCenter: "CC-1050"));
        driver.Send(Expense("EXP-1", card: "ramp:T-1"));
        driver.ReportLineWaitPasses();

        var approved = driver.ApprovedOne();
        Assert.Equal(("EXP-1", "CC-1000"), (approved.expense.expenseId, approved.costCenterId));
        Assert.Empty(driver.DeadLetters());
        Assert.Equal(1, driver.ExpenseMetrics.Purchases(ExpenseMetrics.CardSide, ExpenseMetrics.Merged));
    }

    [Fact]
    public void A_coded_card_transaction_arriving_after_its_report_line_posted_is_merged_into_it()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Expense("EXP-1", card: "T-1"));
        driver.Send(CodedCard("T-1", amount: 41m));
        driver.ReportLineWaitPasses();

        Assert.Equal("EXP-1", driver.ApprovedOne().expense.expenseId);
        Assert.Empty(driver.DeadLetters());
        Assert.Empty(driver.WaitingCodedCards());
        Assert.Equal(1, driver.ExpenseMetrics.Purchases(ExpenseMetrics.CardSide, ExpenseMetrics.Merged));
    }

    [Fact]
    public void A_report_line_agreeing_with_the_card_transaction_that_already_posted_is_merged_into_it()
    {
        using var driver = new ExpenseDriver();
        driver.Send(CodedCard("T-1"));
        driver.ReportLineWaitPasses();
        driver.Send(Expense("EXP-1", card: "ramp:T-1"));

        Assert.Equal("ramp:T-1", driver.ApprovedOne().expense.expenseId);
        Assert.Empty(driver.DeadLetters());
        Assert.Equal(1, driver.ExpenseMetrics.Purchases(ExpenseMetrics.ReportLineSide, ExpenseMetrics.Merged));
    }

    [Fact]
    public void A_report_line_disagreeing_with_the_card_transaction_that_already_posted_is_a_card_expense_conflict_naming_both_values()
    {
        using var driver = new ExpenseDriver();
        driver.Send(CodedCard("T-1"));
        driver.ReportLineWaitPasses();
        Assert.Single(driver.Approved());
        driver.Send(Expense("EXP-1", card: "ramp:T-1", amount: 45m, costCenter: "CC-1050"));

        Assert.Empty(driver.Approved());
        var deadLetter = driver.DeadLetterOne();
        Assert.Equal(("CARD_EXPENSE_CONFLICT", OwnerRole.FINANCE_OPS), (deadLetter.reasonCode, deadLetter.ownerRole));
        Assert.Contains("amount 40.00 USD (card transaction ramp:T-1) vs 45.00 USD (expense line EXP-1)", deadLetter.message);
        Assert.Contains("cost center CC-1000 (card transaction ramp:T-1) vs CC-1050 (expense line EXP-1)", deadLetter.message);
        Assert.EndsWith($"{ExpenseNames.CardPurchases}-repartition", deadLetter.originTopic);
        Assert.Equal("T-1", Encoding.UTF8.GetString(deadLetter.rawKey));
        Assert.NotEmpty(deadLetter.rawValue);
        Assert.Equal(1, driver.ExpenseMetrics.Purchases(ExpenseMetrics.ReportLineSide, ExpenseMetrics.Conflict));
    }

    [Fact]
    public void A_report_line_disagreeing_with_a_posted_card_transaction_of_a_source_that_wins_is_merged()
    {
        using var driver = new ExpenseDriver(o => o.CardSpend.PostsOverReport["brex"] = true);
        driver.Send(CodedCard("T-1", source: "brex"));
        driver.Send(Expense("EXP-1", card: "brex:T-1", amount: 45m));

        Assert.Equal("brex:T-1", driver.ApprovedOne().expense.expenseId);
        Assert.Empty(driver.DeadLetters());
    }

    [Fact]
    public void A_report_line_naming_another_provider_than_the_posted_card_transaction_is_a_conflict()
    {
        using var driver = new ExpenseDriver();
        driver.Send(CodedCard("T-1"));
        driver.ReportLineWaitPasses();
        driver.Send(Expense("EXP-1", card: "brex:T-1"));

        Assert.Single(driver.Approved());
        Assert.Contains("the line names brex:T-1, the purchase that posted is ramp:T-1", driver.DeadLetterOne().message);
    }

    [Fact]
    public void A_second_report_line_naming_a_purchase_already_documented_is_a_conflict_not_a_second_posting()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Card("T-1"));
        driver.Send(Expense("EXP-1", card: "T-1"));
        driver.Send(Expense("EXP-2", card: "ramp:T-1"));

        Assert.Equal("EXP-1", driver.ApprovedOne().expense.expenseId);
        Assert.Contains("expense line EXP-1 already documents card transaction ramp:T-1", driver.DeadLetterOne().message);
    }

    [Fact]
    public void A_card_transaction_arriving_uncoded_and_then_coded_posts_once()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Card("T-1"));
        var coded = CodedCard("T-1");
        coded.envelope.idempotencyKey = "ramp:T-1:2";
        driver.Send(coded);
        driver.ReportLineWaitPasses();

        Assert.Equal("ramp:T-1", driver.ApprovedOne().expense.expenseId);
        Assert.Empty(driver.HeldCards());
    }

    [Fact]
    public void A_coded_card_transaction_breaking_a_rule_is_dead_lettered_with_its_line_bytes_from_its_own_topic_and_replays()
    {
        using var driver = new ExpenseDriver();
        driver.Send(CodedCard("T-1", costCenter: "CC-1042"));

        var deadLetter = driver.DeadLetterOne();
        Assert.Equal("INACTIVE_COST_CENTER", deadLetter.reasonCode);
        Assert.EndsWith($"{ExpenseNames.CardSpendLines}-repartition", deadLetter.originTopic);
        Assert.NotEqual(Topics.CardTransactions.Name, deadLetter.originTopic);
        Assert.Empty(driver.WaitingCodedCards());
    }
}
