using StreamFinance.Kafka.Hosting.Health;

namespace StreamFinance.Host.Runtime.Supervision;

/// <summary>
/// Feeds one topology's <see cref="StallDetector"/> at each look of its supervisor: progress is any record the topology
/// consumed (its <c>records_consumed_total</c>) or any move of its consumers' positions, which also counts records that
/// were dead-lettered; waiting records come from the <see cref="InputBacklog"/>, read locally while the topology makes
/// progress and checked with the brokers, at most every few seconds, while it does not.
/// </summary>
/// <param name="stallAfter">The stall time; zero turns detection off.</param>
/// <param name="consumed">The topology's records consumed so far, summed over its inputs.</param>
/// <param name="brokerBudget">The most one check with the brokers may take.</param>
/// <param name="time">The clock.</param>
public sealed class ProgressWatch(TimeSpan stallAfter, Func<long> consumed, TimeSpan brokerBudget, TimeProvider time)
{
    private readonly StallDetector detector = new(stallAfter, time);
    private readonly TimeSpan confirmEvery = TimeSpan.FromSeconds(Math.Clamp(stallAfter.TotalSeconds / 4, 1, 5));
    private DateTimeOffset? confirmedAt;
    private IReadOnlyDictionary<string, long> confirmed = new Dictionary<string, long>();

    /// <summary>The stall found by the latest look, or null.</summary>
    public Stall? Current => detector.Current;

    /// <summary>Takes one look at a running stream's backlog.</summary>
    public void Observe(InputBacklog backlog)
    {
        ArgumentNullException.ThrowIfNull(backlog);
        if (!detector.Enabled)
            return;
        var reading = backlog.Read();
        var mark = consumed() + reading.PositionSum;
        detector.Observe(mark, detector.Progressed(mark) ? Progressing(reading) : Confirmed(backlog));
    }

    /// <summary>Forgets everything: the stream cannot be judged now (not running, Kafka unreachable, replaced).</summary>
    public void Reset()
    {
        detector.Reset();
        confirmedAt = null;
    }

    private IReadOnlyDictionary<string, long> Progressing(BacklogReading reading)
    {
        confirmedAt = null;
        return reading.WaitingByTopic;
    }

    private IReadOnlyDictionary<string, long> Confirmed(InputBacklog backlog)
    {
        var now = time.GetUtcNow();
        if (confirmedAt is { } at && now - at < confirmEvery)
            return confirmed;
        confirmed = backlog.Confirm(brokerBudget);
        confirmedAt = now;
        return confirmed;
    }
}
