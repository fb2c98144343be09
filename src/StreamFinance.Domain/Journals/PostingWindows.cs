namespace StreamFinance.Domain.Journals;

/// <summary>
/// The window rules shared by assignment and closing, so the two can never disagree:
/// a window closes once the posting clock reaches its end plus grace; an expense goes into the window of its approval
/// time unless that window is already closed (or due to close), in which case it goes into the earliest window still
/// open, the one containing <c>clock - grace</c>. No expense is ever dropped for being late.
/// </summary>
public static class PostingWindows
{
    /// <summary>The window an expense approved at <paramref name="approvalTime"/> joins when the posting clock reads <paramref name="clock"/>.</summary>
    public static PostingWindow Assign(DateTimeOffset approvalTime, DateTimeOffset clock, PostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var earliestOpen = clock - options.GracePeriod;
        return PostingWindow.Containing(approvalTime > earliestOpen ? approvalTime : earliestOpen, options.WindowSize);
    }

    /// <summary>Whether <paramref name="window"/> must be closed when the posting clock reads <paramref name="clock"/>.</summary>
    public static bool IsDue(PostingWindow window, DateTimeOffset clock, PostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return window.ClosesAt(options.GracePeriod) <= clock;
    }
}
