using System.Text.RegularExpressions;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using static StreamFinance.Topologies.Tests.Posting.TestApprovedExpenses;

namespace StreamFinance.Topologies.Tests.Posting;

public class PostingWindowTests
{
    [Fact]
    public void Window_stays_open_until_end_plus_grace_then_emits_one_balanced_journal_keyed_by_reconciliation_id()
    {
        using var driver = new PostingDriver();
        driver.Send(Us("E1", 10.25m, TenOClock.AddMinutes(5)));
        driver.Send(Us("E2", 20.50m, TenOClock.AddMinutes(40), card: true));
        driver.Send(Us("E3", 1.00m, TenOClock.AddMinutes(69)));
        Assert.Empty(driver.Journals());

        driver.Send(Us("E4", 2.00m, TenOClock.AddMinutes(70)));

        var (key, journal) = Assert.Single(driver.Journals());
        Assert.Matches(new Regex("^JE-US01-USD-20261126T1000Z-[0-9A-F]{8}$"), key);
        Assert.Equal(key, journal.reconciliationId);
        Assert.Equal(["E1", "E2"], journal.ExpenseIds().Order());
        Assert.Equal(
            [(JournalSide.DEBIT, "6100", 30.75m), (JournalSide.CREDIT, "2100", 10.25m), (JournalSide.CREDIT, "2150", 20.50m)],
            journal.lines.Select(l => (l.side, l.glAccountId, l.amount.ToDecimal())));
        Assert.Equal((3, 30.75m, 30.75m), (journal.lineCount, journal.totalDebit.ToDecimal(), journal.totalCredit.ToDecimal()));
        Assert.Equal((TenOClock.UtcDateTime, TenOClock.AddHours(1).UtcDateTime), (journal.windowStart, journal.windowEnd));
    }

    [Fact]
    public void Expense_later_than_grace_goes_into_the_next_open_window_and_is_not_dropped()
    {
        using var driver = new PostingDriver();
        driver.Send(Us("E1", 5m, TenOClock.AddMinutes(5)));
        driver.Send(Us("E2", 7m, TenOClock.AddMinutes(75)));
        var first = Assert.Single(driver.Journals()).Journal;

        driver.Send(Us("LATE", 3m, TenOClock.AddMinutes(30)));
        driver.Send(Us("E3", 1m, TenOClock.AddMinutes(131)));

        Assert.Equal(["E1"], first.ExpenseIds());
        var second = Assert.Single(driver.Journals()).Journal;
        Assert.Equal(TenOClock.AddHours(1).UtcDateTime, second.windowStart);
        Assert.Equal(["E2", "LATE"], second.ExpenseIds().Order());
        Assert.Equal(10m, second.totalDebit.ToDecimal());
    }

    [Fact]
    public void Redelivered_or_replayed_expense_changes_nothing_and_is_in_one_journal_only()
    {
        using var driver = new PostingDriver();
        var e1 = Us("E1", 5m, TenOClock.AddMinutes(5));
        driver.Send(e1);
        driver.Send(e1);
        driver.Send(Us("E2", 7m, TenOClock.AddMinutes(75)));
        var first = Assert.Single(driver.Journals()).Journal;

        driver.Send(e1);
        driver.Send(Us("E1", 5m, TenOClock.AddMinutes(80)));
        driver.Send(Us("E3", 1m, TenOClock.AddMinutes(131)));

        Assert.Equal(["E1"], first.ExpenseIds());
        Assert.Equal(5m, first.totalDebit.ToDecimal());
        var second = Assert.Single(driver.Journals()).Journal;
        Assert.Equal(["E2"], second.ExpenseIds());
        Assert.StartsWith("posted JE-US01-USD-20261126T1000Z-", driver.ExpenseIdState("US01", "USD", "E1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Intercompany_expense_yields_a_balanced_journal_in_each_entity_and_currency()
    {
        using var driver = new PostingDriver();
        driver.Send(Approved("IC1", "DE01", 92.00m, "EUR", TenOClock.AddMinutes(5), card: true, employeeEntity: "US01", employeeAmount: 100.37m, employeeCurrency: "USD"));
        driver.Send(Approved("X", "JP01", 100m, "JPY", TenOClock.AddMinutes(75)));
        driver.Send(Approved("Y", "DE01", 1m, "EUR", TenOClock.AddMinutes(75)));
        driver.Send(Approved("Z", "US01", 1m, "USD", TenOClock.AddMinutes(75)));

        var journals = driver.Journals().Select(j => j.Journal).ToDictionary(j => j.legalEntityId);

        Assert.Equal(["DE01", "US01"], journals.Keys.Order());
        var booking = journals["DE01"];
        var employee = journals["US01"];
        Assert.Equal(
            [(JournalSide.DEBIT, "6100", (string?)null, 92.00m), (JournalSide.CREDIT, "2300", "US01", 92.00m)],
            booking.lines.Select(l => (l.side, l.glAccountId, (string?)l.intercompanyPartnerEntityId, l.amount.ToDecimal())));
        Assert.Equal(
            [(JournalSide.DEBIT, "1300", "DE01", 100.37m), (JournalSide.CREDIT, "2150", (string?)null, 100.37m)],
            employee.lines.Select(l => (l.side, l.glAccountId, (string?)l.intercompanyPartnerEntityId, l.amount.ToDecimal())));
        Assert.Equal(("EUR", "USD"), (booking.currency, employee.currency));
        Assert.All(journals.Values, j => Assert.Equal(j.Sum(JournalSide.DEBIT), j.Sum(JournalSide.CREDIT)));
    }

    [Fact]
    public void Window_closes_on_the_wall_clock_when_no_further_expense_arrives()
    {
        using var driver = new PostingDriver();
        driver.Send(Us("E1", 5m, TenOClock.AddMinutes(5)));

        driver.WallClockReaches(TenOClock.AddMinutes(69));
        Assert.Empty(driver.Journals());
        driver.WallClockReaches(TenOClock.AddMinutes(70));

        Assert.Equal(["E1"], Assert.Single(driver.Journals()).Journal.ExpenseIds());
    }

    [Fact]
    public void Windows_due_together_are_posted_in_window_then_entity_then_currency_order()
    {
        using var driver = new PostingDriver();
        driver.Send(Approved("A", "US01", 1m, "USD", TenOClock.AddMinutes(65)));
        driver.Send(Approved("B", "DE01", 1m, "EUR", TenOClock.AddMinutes(5)));
        driver.Send(Approved("C", "US01", 1m, "USD", TenOClock.AddMinutes(6)));
        driver.Send(Approved("D", "BH01", 1.234m, "BHD", TenOClock.AddMinutes(7)));

        driver.WallClockReaches(TenOClock.AddHours(3));

        Assert.Equal(
            ["10 BH01", "10 DE01", "10 US01", "11 US01"],
            driver.Journals().Select(j => $"{j.Journal.windowStart:HH} {j.Journal.legalEntityId}"));
    }

    [Fact]
    public void Unpostable_expense_goes_to_the_expense_dead_letters_and_into_no_journal()
    {
        using var driver = new PostingDriver();
        driver.Send(Approved("YEN", "JP01", 100.5m, "JPY", TenOClock.AddMinutes(5)));
        driver.Send(Approved("OK", "JP01", 100m, "JPY", TenOClock.AddMinutes(6)));
        driver.Send(Approved("NEXT", "JP01", 1m, "JPY", TenOClock.AddMinutes(75)));

        var deadLetter = Assert.Single(driver.DeadLetters());
        Assert.Equal("SCHEMA_INVALID", deadLetter.reasonCode);
        Assert.Contains("100.5 JPY", deadLetter.message, StringComparison.Ordinal);
        Assert.Equal(["OK"], Assert.Single(driver.Journals()).Journal.ExpenseIds());
    }

    [Fact]
    public void Posted_ids_are_forgotten_after_the_retention_horizon()
    {
        using var driver = new PostingDriver(new() { PostedIdRetention = TimeSpan.FromDays(2) });
        driver.Send(Us("E1", 5m, TenOClock.AddMinutes(5)));
        driver.WallClockReaches(TenOClock.AddHours(2));
        Assert.NotNull(driver.ExpenseIdState("US01", "USD", "E1"));

        driver.WallClockReaches(TenOClock.AddHours(1).AddDays(2).AddMinutes(1));

        Assert.Null(driver.ExpenseIdState("US01", "USD", "E1"));
    }
}
