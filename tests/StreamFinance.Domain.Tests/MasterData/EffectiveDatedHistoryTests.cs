using StreamFinance.Domain.MasterData.History;

namespace StreamFinance.Domain.Tests.MasterData;

public class EffectiveDatedHistoryTests
{
    private static readonly DateOnly Jan1 = new(2025, 1, 1);
    private static readonly DateOnly Feb1 = new(2025, 2, 1);
    private static readonly DateOnly Mar1 = new(2025, 3, 1);

    private sealed record CostCenter(string Id, string Status);

    [Fact]
    public void Look_up_before_the_first_version_finds_nothing()
    {
        var history = EffectiveDatedHistory<string>.Empty.Upsert(Feb1, "v1");

        Assert.Null(history.AsOf(Jan1));
        Assert.False(history.TryGetValue(Jan1, out _));
    }

    [Fact]
    public void Look_up_returns_the_version_in_force_on_the_date()
    {
        var history = EffectiveDatedHistory<string>.Empty.Upsert(Jan1, "v1").Upsert(Mar1, "v3").Upsert(Feb1, "v2");

        Assert.Equal("v1", history.AsOf(Jan1)!.Value);
        Assert.Equal("v1", history.AsOf(Feb1.AddDays(-1))!.Value);
        Assert.Equal("v2", history.AsOf(Feb1)!.Value);
        Assert.Equal("v2", history.AsOf(Mar1.AddDays(-1))!.Value);
        Assert.Equal("v3", history.AsOf(new DateOnly(2030, 1, 1))!.Value);
    }

    [Fact]
    public void Versions_arriving_out_of_order_are_kept_in_date_order()
    {
        var history = EffectiveDatedHistory<string>.Empty.Upsert(Mar1, "v3").Upsert(Jan1, "v1").Upsert(Feb1, "v2");

        Assert.Equal([Jan1, Feb1, Mar1], history.Versions.Select(v => v.EffectiveFrom));
        Assert.Equal(Mar1, history.Latest!.EffectiveFrom);
    }

    [Fact]
    public void Redelivered_version_replaces_the_one_of_the_same_date_and_changes_nothing_else()
    {
        var once = EffectiveDatedHistory<string>.Empty.Upsert(Jan1, "v1").Upsert(Feb1, "v2");
        var twice = once.Upsert(Feb1, "v2");
        var corrected = once.Upsert(Feb1, "v2-corrected");

        Assert.Equal(once.Versions, twice.Versions);
        Assert.Equal(2, corrected.Count);
        Assert.Equal("v2-corrected", corrected.AsOf(Mar1)!.Value);
    }

    [Fact]
    public void Applying_returns_a_new_history_and_leaves_the_original_unchanged()
    {
        var original = EffectiveDatedHistory<string>.Empty.Upsert(Jan1, "v1");

        var changed = original.Upsert(Feb1, "v2");

        Assert.Equal(1, original.Count);
        Assert.Equal(2, changed.Count);
    }

    [Fact]
    public void Deactivation_is_a_status_change_that_still_finds_the_object()
    {
        var history = EffectiveDatedHistory<CostCenter>.Empty
            .Upsert(Jan1, new CostCenter("CC-1", "ACTIVE"))
            .Upsert(Mar1, new CostCenter("CC-1", "INACTIVE"));

        Assert.True(history.TryGetValue(Feb1, out var february));
        Assert.Equal("ACTIVE", february.Status);
        Assert.True(history.TryGetValue(Mar1, out var march));
        Assert.Equal("INACTIVE", march.Status);
        Assert.False(history.AsOf(Mar1)!.IsDeleted);
    }

    [Fact]
    public void True_delete_is_a_tombstone_that_hides_the_object_from_its_date_but_not_before()
    {
        var history = EffectiveDatedHistory<CostCenter>.Empty
            .Upsert(Jan1, new CostCenter("CC-1", "ACTIVE"))
            .Delete(Mar1);

        Assert.True(history.TryGetValue(Feb1, out _));
        Assert.False(history.TryGetValue(Mar1, out _));
        Assert.True(history.AsOf(Mar1)!.IsDeleted);
    }

    [Fact]
    public void Object_recreated_after_a_delete_is_found_again()
    {
        var history = EffectiveDatedHistory<string>.Empty.Upsert(Jan1, "v1").Delete(Feb1).Upsert(Mar1, "v3");

        Assert.False(history.TryGetValue(Feb1, out _));
        Assert.True(history.TryGetValue(Mar1, out var value));
        Assert.Equal("v3", value);
    }

    [Fact]
    public void Building_from_stored_versions_sorts_them_and_lets_the_later_of_two_same_dated_versions_win()
    {
        var history = EffectiveDatedHistory<string>.From(
        [
            EffectiveDatedVersion<string>.Live(Feb1, "old"),
            EffectiveDatedVersion<string>.Live(Jan1, "v1"),
            EffectiveDatedVersion<string>.Live(Feb1, "new"),
        ]);

        Assert.Equal([Jan1, Feb1], history.Versions.Select(v => v.EffectiveFrom));
        Assert.Equal("new", history.AsOf(Feb1)!.Value);
    }

    [Fact]
    public void Pruning_by_count_drops_the_oldest_superseded_versions()
    {
        var history = Monthly(12);
        var today = new DateOnly(2025, 12, 15);

        var pruned = history.Prune(new HistoryRetentionPolicy { MaxVersions = 3, HorizonDays = null }, today);

        Assert.Equal([new DateOnly(2025, 10, 1), new DateOnly(2025, 11, 1), new DateOnly(2025, 12, 1)], pruned.Versions.Select(v => v.EffectiveFrom));
    }

    [Fact]
    public void Pruning_never_drops_the_version_in_force_today_nor_future_versions()
    {
        var history = Monthly(12);
        var today = new DateOnly(2025, 6, 15);

        var pruned = history.Prune(new HistoryRetentionPolicy { MaxVersions = 1, HorizonDays = 0 }, today);

        Assert.Equal(new DateOnly(2025, 6, 1), pruned.Versions[0].EffectiveFrom);
        Assert.Equal(7, pruned.Count);
        Assert.Equal(history.AsOf(today), pruned.AsOf(today));
    }

    [Fact]
    public void Pruning_by_horizon_keeps_every_version_that_answers_a_date_within_the_horizon()
    {
        var history = Monthly(12);
        var today = new DateOnly(2025, 12, 15);
        var policy = new HistoryRetentionPolicy { MaxVersions = null, HorizonDays = 90 };

        var pruned = history.Prune(policy, today);

        var horizon = today.AddDays(-90); // 2025-09-16: answered by the September version
        Assert.Equal(new DateOnly(2025, 9, 1), pruned.Versions[0].EffectiveFrom);
        for (var day = horizon; day <= today; day = day.AddDays(1))
            Assert.Equal(history.AsOf(day), pruned.AsOf(day));
    }

    [Fact]
    public void Pruning_a_history_whose_versions_are_all_in_the_future_keeps_them_all()
    {
        var history = Monthly(3);

        Assert.Same(history, history.Prune(new HistoryRetentionPolicy { MaxVersions = 1, HorizonDays = 0 }, new DateOnly(2024, 6, 1)));
    }

    [Fact]
    public void Retention_defaults_are_100_versions_and_730_days_and_bad_values_are_named()
    {
        var defaults = new HistoryRetentionPolicy();
        Assert.Equal(100, defaults.MaxVersions);
        Assert.Equal(730, defaults.HorizonDays);
        Assert.Empty(defaults.Validate());

        var problems = new HistoryRetentionPolicy { MaxVersions = 0, HorizonDays = -1 }.Validate().ToList();
        Assert.Contains(problems, p => p.StartsWith("MasterData:History:MaxVersions is 0", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("MasterData:History:HorizonDays is -1", StringComparison.Ordinal));
    }

    private static EffectiveDatedHistory<string> Monthly(int months)
    {
        var history = EffectiveDatedHistory<string>.Empty;
        for (var month = 1; month <= months; month++)
            history = history.Upsert(new DateOnly(2025, month, 1), $"m{month}");
        return history;
    }
}
