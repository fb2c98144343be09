namespace StreamFinance.Host.Runtime.Supervision;

/// <summary>
/// Decides whether a running topology is stalled: records wait on its inputs and nothing has been processed for
/// <paramref name="stallAfter"/>. Fed one observation at a time by the topology's supervisor; reads only the clock.
/// </summary>
/// <remarks>
/// The quiet time counts from the later of the last progress and the moment records started to wait, so a topology
/// idle for an hour is not stalled the instant a record arrives. The first observation after <see cref="Reset"/> counts
/// as progress: a stream just (re)started gets the whole <paramref name="stallAfter"/>.
/// </remarks>
/// <param name="stallAfter">How long without progress while records wait makes a stall; zero or less turns detection off.</param>
/// <param name="time">The clock.</param>
public sealed class StallDetector(TimeSpan stallAfter, TimeProvider time)
{
    private long? progress;
    private DateTimeOffset progressAt;
    private DateTimeOffset? waitingSince;

    /// <summary>The stall found by the latest observation, or null.</summary>
    public Stall? Current { get; private set; }

    /// <summary>Whether detection is on.</summary>
    public bool Enabled => stallAfter > TimeSpan.Zero;

    /// <summary>
    /// True when <paramref name="mark"/> differs from the previous observation's: the topology processed something
    /// since. When false, pass <see cref="Observe"/> a backlog checked with the brokers.
    /// </summary>
    public bool Progressed(long mark) => progress != mark;

    /// <summary>Takes one observation: a number that changes whenever the topology makes progress, and the records waiting per source topic.</summary>
    /// <returns>The stall, or null.</returns>
    public Stall? Observe(long mark, IReadOnlyDictionary<string, long> waiting)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        var now = time.GetUtcNow();
        if (progress != mark)
        {
            progress = mark;
            progressAt = now;
        }
        if (!Enabled || waiting.Values.Sum() <= 0)
        {
            waitingSince = null;
            return Current = null;
        }
        waitingSince ??= now;
        var quiet = now - (progressAt > waitingSince.Value ? progressAt : waitingSince.Value);
        return Current = quiet >= stallAfter ? new Stall(quiet, waiting) : null;
    }

    /// <summary>Forgets everything: the topology cannot be judged now (not running, Kafka unreachable, a new stream).</summary>
    public void Reset()
    {
        progress = null;
        waitingSince = null;
        Current = null;
    }
}
