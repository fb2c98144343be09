using System.Globalization;

namespace StreamFinance.Host.Configuration;

/// <summary>
/// How a topology's supervisor replaces a stream that failed (state ERROR), lost a stream thread, or stalled: a new
/// stream after a delay that doubles with each restart in a row. Bound from the <c>Supervision</c> configuration section.
/// </summary>
public sealed class SupervisionOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Supervision";

    /// <summary>Delay before the first restart in a row, counted from when the trouble was seen. Default 1 s.</summary>
    public double FirstRestartDelaySeconds { get; set; } = 1;

    /// <summary>Longest delay between restarts; each restart in a row doubles the delay up to this. Default 60 s.</summary>
    public double MaxRestartDelaySeconds { get; set; } = 60;

    /// <summary>How long a stream must run without trouble before the delay starts again from the first one. Default 300 s.</summary>
    public double StableSeconds { get; set; } = 300;

    /// <summary>
    /// How long a stream being replaced may take to close. A stream thread blocked inside a Kafka client call (librdkafka
    /// can wait for ever for a transaction's offsets after an outage) never closes: after this time it is left behind,
    /// and the new stream gets a state folder of its own, restored from the changelogs. Default 15 s.
    /// </summary>
    public double CloseTimeoutSeconds { get; set; } = 15;

    /// <summary>How often the supervisor looks at each topology. Default 1000 ms.</summary>
    public int CheckIntervalMs { get; set; } = 1000;

    /// <summary>Delay before the first restart in a row.</summary>
    public TimeSpan FirstRestartDelay => TimeSpan.FromSeconds(FirstRestartDelaySeconds);

    /// <summary>Longest delay between restarts.</summary>
    public TimeSpan MaxRestartDelay => TimeSpan.FromSeconds(MaxRestartDelaySeconds);

    /// <summary>Trouble-free running time that resets the delay.</summary>
    public TimeSpan Stable => TimeSpan.FromSeconds(StableSeconds);

    /// <summary>How long a closing stream may take.</summary>
    public TimeSpan CloseTimeout => TimeSpan.FromSeconds(CloseTimeoutSeconds);

    /// <summary>How often the supervisor looks.</summary>
    public TimeSpan CheckInterval => TimeSpan.FromMilliseconds(CheckIntervalMs);

    /// <summary>Every problem with these settings, each phrased so a person can fix it.</summary>
    public IEnumerable<string> Validate()
    {
        if (FirstRestartDelaySeconds is < 0.1 or > 3600)
            yield return $"Supervision:FirstRestartDelaySeconds is {FirstRestartDelaySeconds}: use 0.1 to 3600.";
        if (MaxRestartDelaySeconds < FirstRestartDelaySeconds || MaxRestartDelaySeconds > 3600)
            yield return $"Supervision:MaxRestartDelaySeconds is {MaxRestartDelaySeconds}: use FirstRestartDelaySeconds ({FirstRestartDelaySeconds}) to 3600.";
        if (StableSeconds is < 1 or > 86_400)
            yield return $"Supervision:StableSeconds is {StableSeconds}: use 1 to 86400.";
        if (CloseTimeoutSeconds is < 1 or > 600)
            yield return $"Supervision:CloseTimeoutSeconds is {CloseTimeoutSeconds}: use 1 to 600.";
        if (CheckIntervalMs is < 50 or > 60_000)
            yield return $"Supervision:CheckIntervalMs is {CheckIntervalMs}: use 50 to 60000.";
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"FirstRestartDelaySeconds={FirstRestartDelaySeconds}, MaxRestartDelaySeconds={MaxRestartDelaySeconds}, StableSeconds={StableSeconds}, CloseTimeoutSeconds={CloseTimeoutSeconds}, CheckIntervalMs={CheckIntervalMs}");
}
