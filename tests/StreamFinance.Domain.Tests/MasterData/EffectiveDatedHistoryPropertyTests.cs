using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamFinance.Domain.MasterData.History;

namespace StreamFinance.Domain.Tests.MasterData;

public class EffectiveDatedHistoryPropertyTests
{
    private static readonly DateOnly Origin = new(2025, 1, 1);

    /// <summary>Versions on a small range of days so that duplicates and out-of-order arrival are frequent.</summary>
    private static List<EffectiveDatedVersion<int>> Versions(byte[] days, int[] values) =>
        days.Zip(values, (day, value) => value % 5 == 0
                ? EffectiveDatedVersion<int>.Tombstone(Origin.AddDays(day % 40))
                : EffectiveDatedVersion<int>.Live(Origin.AddDays(day % 40), value))
            .ToList();

    private static EffectiveDatedVersion<int>? BruteForce(List<EffectiveDatedVersion<int>> applied, DateOnly date)
    {
        EffectiveDatedVersion<int>? best = null;
        foreach (var version in applied) // later arrivals of the same date replace earlier ones
            if (version.EffectiveFrom <= date && (best is null || version.EffectiveFrom >= best.EffectiveFrom))
                best = version;
        return best;
    }

    [Property]
    public bool Look_up_equals_a_brute_force_scan_of_every_applied_version(byte[] days, int[] values)
    {
        var versions = Versions(days, values);
        var history = versions.Aggregate(EffectiveDatedHistory<int>.Empty, (h, v) => h.Apply(v));

        for (var offset = -2; offset < 45; offset++)
        {
            var date = Origin.AddDays(offset);
            if (!Equals(BruteForce(versions, date), history.AsOf(date)))
                return false;
        }
        return true;
    }

    [Property]
    public bool Versions_are_strictly_ordered_by_date(byte[] days, int[] values)
    {
        var history = Versions(days, values).Aggregate(EffectiveDatedHistory<int>.Empty, (h, v) => h.Apply(v));

        return history.Versions.Zip(history.Versions.Skip(1)).All(p => p.First.EffectiveFrom < p.Second.EffectiveFrom);
    }

    [Property]
    public bool Building_from_stored_versions_equals_applying_them_one_by_one(byte[] days, int[] values)
    {
        var versions = Versions(days, values);

        var applied = versions.Aggregate(EffectiveDatedHistory<int>.Empty, (h, v) => h.Apply(v));
        var built = EffectiveDatedHistory<int>.From(versions);

        return applied.Versions.SequenceEqual(built.Versions);
    }

    [Property]
    public bool Reapplying_any_version_already_in_force_changes_nothing(byte[] days, int[] values, byte pick)
    {
        var history = EffectiveDatedHistory<int>.From(Versions(days, values));
        if (history.Count == 0)
            return true;

        var again = history.Apply(history.Versions[pick % history.Count]);

        return again.Versions.SequenceEqual(history.Versions);
    }

    [Property]
    public Property Pruning_by_horizon_keeps_every_answer_from_the_horizon_on(byte[] days, int[] values, byte horizonDays, byte todayOffset)
    {
        var history = EffectiveDatedHistory<int>.From(Versions(days, values));
        var today = Origin.AddDays(todayOffset % 50);
        var horizon = today.AddDays(-(horizonDays % 30));

        var pruned = history.Prune(new HistoryRetentionPolicy { MaxVersions = null, HorizonDays = horizonDays % 30 }, today);

        var answersKept = Enumerable.Range(-5, 70).Select(Origin.AddDays).Where(d => d >= horizon).All(d => Equals(history.AsOf(d), pruned.AsOf(d)));
        return (answersKept && IsSuffix(pruned, history)).Label($"today {today}, horizon {horizon}");
    }

    [Property]
    public Property Pruning_by_count_keeps_the_newest_versions_but_never_the_one_in_force_or_later(byte[] days, int[] values, byte maxVersions, byte todayOffset)
    {
        var history = EffectiveDatedHistory<int>.From(Versions(days, values));
        var today = Origin.AddDays(todayOffset % 50);
        var max = maxVersions % 10 + 1;

        var pruned = history.Prune(new HistoryRetentionPolicy { MaxVersions = max, HorizonDays = null }, today);

        var inForce = history.AsOf(today);
        var protectedCount = history.Versions.Count(v => inForce is null || v.EffectiveFrom >= inForce.EffectiveFrom);
        var expectedCount = history.Count <= max ? history.Count : Math.Max(max, protectedCount);
        return (pruned.Count == expectedCount && IsSuffix(pruned, history) && Equals(inForce, pruned.AsOf(today)))
            .Label($"today {today}, max {max}, count {pruned.Count}, expected {expectedCount}");
    }

    private static bool IsSuffix(EffectiveDatedHistory<int> pruned, EffectiveDatedHistory<int> history) =>
        pruned.Versions.SequenceEqual(history.Versions.Skip(history.Count - pruned.Count));
}
