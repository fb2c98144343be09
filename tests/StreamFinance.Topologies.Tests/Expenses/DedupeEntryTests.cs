using StreamFinance.Topologies.Expenses;

namespace StreamFinance.Topologies.Tests.Expenses;

public sealed class DedupeEntryTests
{
    private static readonly DateOnly FirstSeen = new(2026, 4, 1);

    [Theory]
    [InlineData(DedupeOutcome.Approved, false, true)]
    [InlineData(DedupeOutcome.Approved, true, true)]
    [InlineData(DedupeOutcome.DeadLettered, false, true)]
    [InlineData(DedupeOutcome.DeadLettered, true, false)]
    public void An_approved_key_is_always_dropped_and_a_dead_lettered_one_passes_only_as_a_replay(DedupeOutcome outcome, bool isReplay, bool dropped)
    {
        Assert.Equal(dropped, new DedupeEntry(outcome, FirstSeen).Drops(isReplay));
    }

    [Theory]
    [InlineData("2026-04-30", false)]
    [InlineData("2026-05-01", true)]
    public void A_key_expires_once_the_horizon_has_passed_since_it_was_first_seen(string today, bool expired)
    {
        Assert.Equal(expired, new DedupeEntry(DedupeOutcome.Approved, FirstSeen).IsExpired(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), 30));
    }

    [Theory]
    [InlineData(DedupeOutcome.Approved, false)]
    [InlineData(DedupeOutcome.Held, false)]
    [InlineData(DedupeOutcome.DeadLettered, false)]
    [InlineData(DedupeOutcome.DeadLettered, true)]
    public void The_record_that_decided_a_key_read_again_is_a_redo_and_is_never_dropped(DedupeOutcome outcome, bool isReplay)
    {
        var entry = new DedupeEntry(outcome, FirstSeen, Deciding, DecidedAt);

        Assert.True(entry.IsRedo(Deciding));
        Assert.False(entry.Drops(isReplay, Deciding));
    }

    [Theory]
    [InlineData("ingest.expenses:3:1235@1775034000000")]
    [InlineData("ingest.expenses:3:1234@1775034000001")]
    [InlineData("ingest.expenses:2:1234@1775034000000")]
    [InlineData(null)]
    public void A_record_of_another_identity_with_the_same_key_is_a_redelivery(string? identity)
    {
        var entry = new DedupeEntry(DedupeOutcome.Approved, FirstSeen, Deciding, DecidedAt);

        Assert.False(entry.IsRedo(identity));
        Assert.True(entry.Drops(isReplay: false, identity));
    }

    [Fact]
    public void An_entry_written_before_identities_were_kept_never_sees_a_redo()
    {
        Assert.True(new DedupeEntry(DedupeOutcome.Approved, FirstSeen).Drops(isReplay: false, Deciding));
    }

    [Fact]
    public void The_stored_form_reads_back_and_a_foreign_value_names_the_store()
    {
        var entry = new DedupeEntry(DedupeOutcome.DeadLettered, FirstSeen);
        var decided = new DedupeEntry(DedupeOutcome.Approved, FirstSeen, Deciding, DecidedAt);

        Assert.Equal("DeadLettered|2026-04-01", entry.ToString());
        Assert.Equal(entry, DedupeEntry.Parse(entry.ToString()));
        Assert.Equal("Approved|2026-04-01|ingest.expenses:3:1234@1775034000000|2026-04-01T09:00:00.0000000+00:00", decided.ToString());
        Assert.Equal(decided, DedupeEntry.Parse(decided.ToString()));
        foreach (var foreign in new[] { "seen", "Approved|2026-04-01|ingest.expenses:3:1234@1", "Approved|2026-04-01||2026-04-01T09:00:00.0000000+00:00" })
        {
            var error = Assert.Throws<FormatException>(() => DedupeEntry.Parse(foreign));
            Assert.Contains(ExpenseNames.DedupeStore, error.Message);
        }
    }

    private const string Deciding = "ingest.expenses:3:1234@1775034000000";

    private static readonly DateTimeOffset DecidedAt = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
}
