using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamFinance.Domain.Journals;

namespace StreamFinance.Domain.Tests.Journals;

public class PostingWindowsTests
{
    private static readonly PostingOptions Options = PostingOptions.Default();
    private static readonly DateTimeOffset Ten = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Windows_are_aligned_to_the_hour_and_end_exclusive()
    {
        Assert.Equal(new PostingWindow(Ten, Ten.AddHours(1)), PostingWindow.Containing(Ten.AddMinutes(59).AddSeconds(59), TimeSpan.FromHours(1)));
        Assert.Equal(new PostingWindow(Ten.AddHours(1), Ten.AddHours(2)), PostingWindow.Containing(Ten.AddHours(1), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void An_expense_within_grace_joins_the_window_of_its_approval_time()
    {
        var window = PostingWindows.Assign(Ten.AddMinutes(50), clock: Ten.AddHours(1).AddMinutes(9), Options);

        Assert.Equal(Ten, window.Start);
    }

    [Fact]
    public void An_expense_later_than_grace_joins_the_next_open_window()
    {
        var window = PostingWindows.Assign(Ten.AddMinutes(50), clock: Ten.AddHours(1).AddMinutes(10), Options);

        Assert.Equal(Ten.AddHours(1), window.Start);
        Assert.False(PostingWindows.IsDue(window, Ten.AddHours(1).AddMinutes(10), Options));
    }

    [Fact]
    public void A_window_is_due_at_its_end_plus_grace_and_not_before()
    {
        var window = PostingWindow.Containing(Ten, Options.WindowSize);

        Assert.False(PostingWindows.IsDue(window, Ten.AddHours(1).AddMinutes(10).AddTicks(-1), Options));
        Assert.True(PostingWindows.IsDue(window, Ten.AddHours(1).AddMinutes(10), Options));
    }

    [Property]
    public Property The_assigned_window_is_never_due_and_never_earlier_than_the_approval_window(int approvalMinutes, int clockMinutes, byte sizeChoice)
    {
        var options = new PostingOptions { WindowSize = TimeSpan.FromMinutes(new[] { 15, 60, 240 }[sizeChoice % 3]), GracePeriod = TimeSpan.FromMinutes(sizeChoice % 30) };
        var approval = Ten.AddMinutes(approvalMinutes % 10_000);
        var clock = Ten.AddMinutes(clockMinutes % 10_000);
        var window = PostingWindows.Assign(approval, clock, options);

        return (!PostingWindows.IsDue(window, clock, options) && window.Start >= PostingWindow.Containing(approval, options.WindowSize).Start)
            .Label($"approval {approval:O}, clock {clock:O}, window {window}");
    }
}
