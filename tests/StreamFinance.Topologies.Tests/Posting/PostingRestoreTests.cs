using Microsoft.Extensions.Logging;
using StreamFinance.Contracts.Common;
using StreamFinance.Kafka.State;
using static StreamFinance.Topologies.Tests.Posting.TestApprovedExpenses;

namespace StreamFinance.Topologies.Tests.Posting;

/// <summary>
/// Streamiz 1.8 runs a task's wall-clock punctuators while it still restores the task's stores (see
/// <see cref="StoreRestorations"/>). Found by the crash harness, seed 20261208: a restarted pipeline closed a due window
/// from the part of its stores restored so far, then the rest of the restore put the posted expenses back, and the
/// window was closed again a second later under the same reconciliation id with more expenses.
/// </summary>
public class PostingRestoreTests
{
    [Fact]
    public void A_due_window_is_not_closed_while_its_stores_restore_and_is_closed_once_whole_after()
    {
        var restorations = new StoreRestorations();
        using var driver = new PostingDriver(restorations: restorations);

        // The first batch of the restore holds E1 of the 10:00 window, which is already due on the wall clock.
        driver.Restore(Us("E1", 5m, TenOClock.AddMinutes(5)));
        driver.WallClockReaches(TenOClock.AddMinutes(75));
        Assert.Empty(driver.Journals());

        driver.Restore(Us("E2", 7m, TenOClock.AddMinutes(40)));
        driver.RestoreEnded();
        driver.WallClockReaches(TenOClock.AddMinutes(76));

        var (key, journal) = Assert.Single(driver.Journals());
        Assert.Equal(["E1", "E2"], journal.ExpenseIds().Order());
        Assert.Equal(12m, journal.totalDebit.ToDecimal());
        Assert.Equal($"posted {key}", driver.ExpenseIdState("US01", "USD", "E2"));
        driver.WallClockReaches(TenOClock.AddMinutes(140));
        Assert.Empty(driver.Journals());
    }

    [Fact]
    public void A_record_reaching_the_windows_proves_the_restore_over_and_due_windows_close_with_it()
    {
        var restorations = new StoreRestorations();
        using var driver = new PostingDriver(restorations: restorations);
        driver.Restore(Us("E1", 5m, TenOClock.AddMinutes(5)));
        driver.WallClockReaches(TenOClock.AddMinutes(75));
        Assert.Empty(driver.Journals());

        // Streamiz hands records to running tasks only, whose stores are restored.
        driver.Send(Us("E2", 7m, TenOClock.AddMinutes(76)));

        var journal = Assert.Single(driver.Journals()).Journal;
        Assert.Equal(["E1"], journal.ExpenseIds());
    }

    [Fact]
    public void A_waiting_task_logs_once_which_stores_it_waits_for_and_then_by_what_its_wait_ended()
    {
        var log = new LineLogger();
        using var driver = new PostingDriver(restorations: new StoreRestorations(log));
        driver.Restore(Us("E1", 5m, TenOClock.AddMinutes(5)));
        driver.WallClockReaches(TenOClock.AddMinutes(75));
        driver.WallClockReaches(TenOClock.AddMinutes(76));

        var wait = Assert.Single(log.Lines);
        Assert.Contains("Task 1-0: punctuators wait until posting.open-expenses, posting.expense-ids, posting.posted-expiry, posting.clock are restored", wait, StringComparison.Ordinal);

        driver.RestoreEnded();
        driver.WallClockReaches(TenOClock.AddMinutes(77));
        Assert.Single(driver.Journals());
        Assert.Equal(2, log.Lines.Count);
        Assert.Contains("Task 1-0: stores restored (each of its stores ended a restore)", log.Lines[1], StringComparison.Ordinal);
    }

    private sealed class LineLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
