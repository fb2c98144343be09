using Streamiz.Kafka.Net;

namespace StreamFinance.IntegrationTests.Crashes;

/// <summary>
/// What one crash run does, drawn from its seed alone: how many sets of vendor files are dropped with the first start
/// and after each kill, while the pipeline is down (a set: the three sample files of <c>SampleWorldVendorFiles.For</c>,
/// 15 lines, and the one line of <c>SampleWorldVendorFiles.Waiting</c> that stays held); and where each kill falls
/// (<see cref="KillPoint"/>). The last start is never killed: it must
/// bring every outcome in.
/// </summary>
/// <param name="Seed">The run's seed; <c>STREAMFINANCE_CRASH_SEED=&lt;seed&gt;</c> makes the same run again.</param>
/// <param name="Kills">The kill of each start but the last, in order.</param>
/// <param name="SetsPerDrop">Sets of vendor files dropped with the first start, then after each kill: one more entry than <paramref name="Kills"/>.</param>
/// <param name="Guarantee">The processing guarantee of every topology in the run.</param>
internal sealed record CrashSchedule(int Seed, IReadOnlyList<KillPoint> Kills, IReadOnlyList<int> SetsPerDrop, ProcessingGuarantee Guarantee)
{
    /// <summary>
    /// The schedule of <paramref name="seed"/>: 1 to <paramref name="maxKills"/> kills, each after a random delay
    /// (0.5-8 s, often before ready) or after 1-20 more approvals; under <paramref name="guarantee"/>, or when none is
    /// given AT_LEAST_ONCE for an even seed and EXACTLY_ONCE for an odd one.
    /// </summary>
    public static CrashSchedule For(int seed, int maxKills, ProcessingGuarantee? guarantee = null)
    {
        var random = new Random(seed);
        var kills = Enumerable.Range(0, random.Next(1, maxKills + 1))
            .Select(_ => random.Next(3) == 0
                ? new KillPoint(TimeSpan.FromMilliseconds(random.Next(500, 8000)), null)
                : new KillPoint(null, random.Next(1, 21)))
            .ToList();
        var sets = Enumerable.Range(0, kills.Count + 1).Select(_ => random.Next(1, 4)).ToList();
        return new CrashSchedule(seed, kills, sets, guarantee ?? (seed % 2 == 0 ? ProcessingGuarantee.AT_LEAST_ONCE : ProcessingGuarantee.EXACTLY_ONCE));
    }

    /// <summary>Sets of vendor files over the whole run.</summary>
    public int Sets => SetsPerDrop.Sum();
}
