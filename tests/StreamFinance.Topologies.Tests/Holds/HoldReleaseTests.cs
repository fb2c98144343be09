using Microsoft.Extensions.Time.Testing;
using StreamFinance.Contracts.Common;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Holds;
using StreamFinance.Kafka.Observability;
using StreamFinance.Kafka.State;
using StreamFinance.Topologies.Tests.Support;

namespace StreamFinance.Topologies.Tests.Holds;

/// <summary>The release-by-rule mechanism on its own: a rule that releases what it finds in a set of known keys.</summary>
public sealed class HoldReleaseTests
{
    private static readonly DateTimeOffset Start = new(2026, 4, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Horizon = TimeSpan.FromHours(24);

    private readonly DictionaryKeyValueStore<HeldRecord> store = new("test.holds");
    private readonly StoreWriteSignal known = new();
    private readonly HashSet<string> knownKeys = [];
    private readonly FakeTimeProvider clock = new(Start);
    private readonly HoldMetrics metrics = BusinessMetrics.Detached().Holds;
    private readonly HoldStore holds;
    private readonly HoldRelease release;

    public HoldReleaseTests()
    {
        holds = new HoldStore(store, "test.holds", metrics);
        release = new HoldRelease(holds, known, Horizon, clock);
    }

    [Fact]
    public void Nothing_is_due_while_nothing_is_held_even_after_the_rule_inputs_changed()
    {
        known.Advance();

        Assert.False(release.IsDue);
    }

    [Fact]
    public void A_sweep_is_due_after_the_rule_inputs_changed_and_not_again_until_they_change_again()
    {
        holds.Hold("A", Held("A", Start, awaits: "K-1"));
        Assert.True(release.IsDue);
        release.Sweep(Rule).ToList();
        Assert.False(release.IsDue);

        known.Advance();

        Assert.True(release.IsDue);
    }

    [Fact]
    public void A_record_the_rule_lets_go_leaves_the_store_with_its_decision_and_the_rest_stay()
    {
        holds.Hold("A", Held("A", Start, awaits: "K-1"));
        holds.Hold("B", Held("B", Start, awaits: "K-2"));
        knownKeys.Add("K-2");
        known.Advance();

        var released = release.Sweep(Rule).ToList();

        var only = Assert.Single(released);
        Assert.Equal(("B", "released B", false), (only.Key, only.Outcome, only.Expired));
        Assert.Equal("B", only.Held.KeyOf());
        Assert.Equal(["A"], store.All().Select(e => e.Key));
        Assert.Equal(1, holds.Count);
    }

    [Fact]
    public void A_record_still_waiting_keeps_its_place_and_its_reasons_are_written_only_when_they_change()
    {
        holds.Hold("A", Held("A", Start, awaits: "K-1"));
        var writes = store.Writes;

        Assert.Empty(release.Sweep(Rule));
        Assert.Equal(writes, store.Writes);

        knownKeys.Add("K-1");
        Assert.Empty(release.Sweep((key, held) => HoldVerdict<string>.Wait($"still {key}", [Reason("K-9")])));

        Assert.Equal(writes + 1, store.Writes);
        Assert.Equal("K-9", Assert.Single(Assert.Single(store.All()).Value.reasons).awaits);
        Assert.Equal(Start, Assert.Single(store.All()).Value.HeldSince());
    }

    [Fact]
    public void At_the_horizon_a_record_still_waiting_leaves_as_expired_and_the_horizon_alone_makes_the_sweep_due()
    {
        holds.Hold("A", Held("A", Start, awaits: "K-1"));
        holds.Hold("B", Held("B", Start.AddHours(1), awaits: "K-1"));
        Assert.Empty(release.Sweep(Rule));

        clock.SetUtcNow(Start + Horizon - TimeSpan.FromSeconds(1));
        Assert.False(release.IsDue);
        clock.SetUtcNow(Start + Horizon);
        Assert.True(release.IsDue);

        var expired = Assert.Single(release.Sweep(Rule));
        Assert.Equal(("A", "waiting A", true), (expired.Key, expired.Outcome, expired.Expired));
        Assert.Equal(["B"], store.All().Select(e => e.Key));
        Assert.False(release.IsDue);
    }

    [Fact]
    public void A_sweep_goes_through_more_records_than_one_batch_and_releases_each_once()
    {
        var count = HoldRelease.BatchSize * 2 + 5;
        for (var i = 0; i < count; i++)
            holds.Hold($"R-{i:00000}", Held($"R-{i:00000}", Start, awaits: i % 2 == 0 ? "K-EVEN" : "K-ODD"));
        knownKeys.Add("K-EVEN");
        known.Advance();

        var released = release.Sweep(Rule).Select(r => r.Key).ToList();

        Assert.Equal(Enumerable.Range(0, count).Where(i => i % 2 == 0).Select(i => $"R-{i:00000}"), released);
        Assert.Equal(count / 2, holds.Count);
    }

    [Fact]
    public void The_held_gauge_counts_what_the_store_already_holds_follows_holds_and_releases_and_drops_when_the_task_leaves()
    {
        store.Put("OLD", Held("OLD", Start.AddDays(-1), awaits: "K-1"));
        Assert.Equal(1, holds.Count);
        Assert.Equal(1, metrics.Held(holds.Name));

        holds.Hold("A", Held("A", Start, awaits: "K-1"));
        holds.Hold("A", Held("A", Start, awaits: "K-2"));
        Assert.Equal(2, metrics.Held(holds.Name));
        holds.Release("OLD");
        holds.Release("OLD");
        Assert.Equal(1, metrics.Held(holds.Name));

        holds.Close();

        Assert.Equal(0, metrics.Held(holds.Name));
        Assert.Equal(["A"], store.All().Select(e => e.Key));
    }

    [Fact]
    public void A_released_record_becomes_the_failed_record_it_was_received_as()
    {
        var held = Held("A", Start, awaits: "K-1");

        var failed = held.ToFailedRecord();

        Assert.Equal("ingest.test/2/41", failed.Origin.ToString());
        Assert.Equal(held.rawValue, failed.RawValue);
        Assert.Equal("A", System.Text.Encoding.UTF8.GetString(failed.RawKey!));
        Assert.Equal("corr-A", System.Text.Encoding.UTF8.GetString(failed.Headers!.GetLastBytes("streamfinance.correlation-id")));
    }

    /// <summary>Releases a record once the key it awaits is known; otherwise it waits.</summary>
    private HoldVerdict<string> Rule(string key, HeldRecord held) =>
        held.reasons.All(r => knownKeys.Contains(r.awaits))
            ? HoldVerdict<string>.Release($"released {key}")
            : HoldVerdict<string>.Wait($"waiting {key}", held.reasons.ToList());

    private static HeldRecord Held(string key, DateTimeOffset at, string awaits) =>
        HeldRecords.Of(key, [1, 2, 3], new Confluent.Kafka.Headers { { "streamfinance.correlation-id", System.Text.Encoding.UTF8.GetBytes("corr-" + key) } },
            DeadLetterOrigin.FromTopic("ingest.test", 2, 41), at, [Reason(awaits)]);

    private static HoldReason Reason(string awaits) => new() { code = "UNKNOWN_THING", field = "thingId", message = $"thing {awaits} is unknown", awaits = awaits };
}
