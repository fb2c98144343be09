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

    [Fact]
    public void The_stored_form_reads_back_and_a_foreign_value_names_the_store()
    {
        var entry = new DedupeEntry(DedupeOutcome.DeadLettered, FirstSeen);

        Assert.Equal("DeadLettered|2026-04-01", entry.ToString());
        Assert.Equal(entry, DedupeEntry.Parse(entry.ToString()));
        var error = Assert.Throws<FormatException>(() => DedupeEntry.Parse("seen"));
        Assert.Contains(ExpenseNames.DedupeStore, error.Message);
    }
}
