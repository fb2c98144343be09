namespace StreamFinance.Domain.Journals;

/// <summary>A tumbling posting window <c>[Start, End)</c> in UTC, aligned to the Unix epoch.</summary>
/// <param name="Start">Inclusive start, UTC.</param>
/// <param name="End">Exclusive end, UTC.</param>
public readonly record struct PostingWindow(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The window of <paramref name="size"/> that contains <paramref name="time"/>.</summary>
    public static PostingWindow Containing(DateTimeOffset time, TimeSpan size)
    {
        if (size <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(size), size, "The window size must be positive.");
        var sinceEpoch = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var startTicks = sinceEpoch - (((sinceEpoch % size.Ticks) + size.Ticks) % size.Ticks);
        var start = DateTimeOffset.UnixEpoch.AddTicks(startTicks);
        return new PostingWindow(start, start + size);
    }

    /// <summary>The time at which the window closes: <see cref="End"/> plus <paramref name="grace"/>.</summary>
    public DateTimeOffset ClosesAt(TimeSpan grace) => End + grace;
}
