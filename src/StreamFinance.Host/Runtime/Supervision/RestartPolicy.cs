using StreamFinance.Host.Configuration;

namespace StreamFinance.Host.Runtime.Supervision;

/// <summary>
/// When a topology's stream is replaced: the n-th restart in a row waits <c>FirstRestartDelay × 2^(n-1)</c>, at most
/// <c>MaxRestartDelay</c>, from when the trouble was seen; a stream that runs without trouble for <c>Stable</c> starts the
/// count again. Reads only the clock, so a test moves time instead of sleeping.
/// </summary>
/// <param name="options">Delays and the stable period.</param>
/// <param name="time">The clock.</param>
public sealed class RestartPolicy(SupervisionOptions options, TimeProvider time)
{
    private int restarts;
    private DateTimeOffset? troubleSince;
    private DateTimeOffset? healthySince;

    /// <summary>Restarts in a row since the last stable period.</summary>
    public int RestartsInARow => restarts;

    /// <summary>The restart waiting for its delay, or null when there is no trouble.</summary>
    public PendingRestart? Pending { get; private set; }

    /// <summary>The delay before the <paramref name="attempt"/>-th restart in a row.</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var delay = options.FirstRestartDelay.TotalSeconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        return TimeSpan.FromSeconds(Math.Min(delay, options.MaxRestartDelay.TotalSeconds));
    }

    /// <summary>Takes what the supervisor sees now and says whether to replace the stream now.</summary>
    /// <param name="trouble">What is wrong, or null.</param>
    /// <param name="running">Whether the stream is RUNNING; only running without trouble counts towards a stable period.</param>
    /// <returns>The restart to do now, or null (nothing wrong, or its delay has not passed).</returns>
    public RestartDecision? Check(TopologyTrouble? trouble, bool running)
    {
        var now = time.GetUtcNow();
        if (trouble is null)
        {
            troubleSince = null;
            Pending = null;
            healthySince = running ? healthySince ?? now : null;
            if (healthySince is { } since && now - since >= options.Stable)
                restarts = 0;
            return null;
        }
        healthySince = null;
        troubleSince ??= now;
        var attempt = restarts + 1;
        var delay = DelayBefore(attempt);
        var due = troubleSince.Value + delay;
        if (now < due)
        {
            Pending = new PendingRestart(trouble, attempt, due);
            return null;
        }
        restarts = attempt;
        troubleSince = null;
        Pending = null;
        return new RestartDecision(trouble, attempt, delay);
    }
}
