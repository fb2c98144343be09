using StreamFinance.Domain.Journals;
using static StreamFinance.Topologies.Tests.Posting.TestApprovedExpenses;

namespace StreamFinance.Topologies.Tests.Posting;

/// <summary>
/// The clock guard (issue 14, point 8): an approval time far ahead of the wall clock must not move the posting clock
/// into the future and close the open windows early; it is clamped to the wall clock plus Posting:FutureTolerance.
/// </summary>
public sealed class PostingClockGuardTests : IDisposable
{
    private readonly PostingDriver driver = new(clockGuard: true);

    public PostingClockGuardTests() => driver.WallClock.SetUtcNow(TenOClock);

    [Fact]
    public void An_approval_a_day_ahead_of_the_wall_clock_does_not_close_the_open_window_and_is_counted()
    {
        driver.Send(Us("EXP-NOW", 100m, TenOClock.AddMinutes(5)));
        driver.Send(Us("EXP-SKEWED", 40m, TenOClock.AddDays(1)));

        // Without the guard the posting clock would stand a day ahead and the 10:00 window would be posted at once.
        Assert.Empty(driver.Journals());
        Assert.Equal(1, driver.Metrics.FutureClamped.WithLabels("US01", "USD").Value);

        driver.WallClockReaches(TenOClock.AddHours(1) + driver.Options.GracePeriod + TimeSpan.FromSeconds(1));
        var journal = Assert.Single(driver.Journals()).Journal;
        // The skewed expense counts as approved at the wall clock plus the tolerance (10:05), so it joins the 10:00 window.
        Assert.Equal(["EXP-NOW", "EXP-SKEWED"], journal.ExpenseIds().Order());
    }

    [Fact]
    public void An_approval_within_the_tolerance_is_taken_as_it_is()
    {
        driver.Send(Us("EXP-SOON", 100m, TenOClock + PostingOptions.Default().FutureTolerance!.Value - TimeSpan.FromSeconds(1)));

        Assert.Equal(0, driver.Metrics.FutureClamped.WithLabels("US01", "USD").Value);
        Assert.Equal("open 20261126T100000Z", driver.ExpenseIdState("US01", "USD", "EXP-SOON"));
    }

    public void Dispose() => driver.Dispose();
}
