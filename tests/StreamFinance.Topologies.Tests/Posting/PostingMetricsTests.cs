using StreamFinance.Topologies.Posting;
using static StreamFinance.Topologies.Tests.Posting.TestApprovedExpenses;

namespace StreamFinance.Topologies.Tests.Posting;

public class PostingMetricsTests
{
    [Fact]
    public void Awaiting_gauges_count_and_sum_open_expenses_and_fall_to_zero_when_the_journal_is_posted()
    {
        using var driver = new PostingDriver();
        driver.Send(Approved("M1", "MA01", 10.25m, "USD", TenOClock.AddMinutes(5)));
        driver.Send(Approved("M2", "MA01", 4.75m, "USD", TenOClock.AddMinutes(6)));
        driver.Send(Approved("M2", "MA01", 4.75m, "USD", TenOClock.AddMinutes(6)));

        Assert.Equal(2, PostingMetrics.ValueOf(driver.Metrics.Awaiting, "MA01", "USD"));
        Assert.Equal(15.0, PostingMetrics.ValueOf(driver.Metrics.AwaitingAmount, "MA01", "USD"), 6);
        Assert.Equal(1, PostingMetrics.ValueOf(driver.Metrics.Redelivered, "MA01", "USD"));

        driver.WallClockReaches(TenOClock.AddHours(2));

        Assert.Equal(0, PostingMetrics.ValueOf(driver.Metrics.Awaiting, "MA01", "USD"));
        Assert.Equal(0.0, PostingMetrics.ValueOf(driver.Metrics.AwaitingAmount, "MA01", "USD"), 6);
    }

    [Fact]
    public void Posted_journals_are_counted_with_their_control_totals()
    {
        using var driver = new PostingDriver();
        driver.Send(Approved("P1", "MB01", 1000m, "JPY", TenOClock.AddMinutes(5)));
        driver.Send(Approved("P2", "MB01", 500m, "JPY", TenOClock.AddMinutes(6), card: true));
        driver.Send(Approved("P3", "MB01", 1m, "JPY", TenOClock.AddMinutes(75)));

        var journal = Assert.Single(driver.Journals()).Journal;

        Assert.Equal(1, PostingMetrics.ValueOf(driver.Metrics.JournalsPosted, "MB01", "JPY"));
        Assert.Equal(journal.lineCount, PostingMetrics.ValueOf(driver.Metrics.LinesPosted, "MB01", "JPY"));
        Assert.Equal(1500.0, PostingMetrics.ValueOf(driver.Metrics.AmountPosted, "MB01", "JPY"));
        Assert.Equal(1, PostingMetrics.ValueOf(driver.Metrics.Awaiting, "MB01", "JPY"));
    }

    [Fact]
    public void Expense_that_missed_its_grace_is_counted_as_late()
    {
        using var driver = new PostingDriver();
        driver.Send(Approved("L1", "MC01", 1m, "EUR", TenOClock.AddMinutes(75)));
        driver.Send(Approved("L2", "MC01", 1m, "EUR", TenOClock.AddMinutes(5)));

        Assert.Equal(1, PostingMetrics.ValueOf(driver.Metrics.Late, "MC01", "EUR"));
    }
}
