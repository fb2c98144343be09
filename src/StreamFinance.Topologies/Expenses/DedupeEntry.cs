using System.Globalization;

namespace StreamFinance.Topologies.Expenses;

/// <summary>
/// One idempotency key in <see cref="ExpenseNames.DedupeStore"/>: the outcome of its latest pass, the day it was first
/// seen, and the input position (<c>topic:partition:offset</c>) of the record that decided it.
/// </summary>
/// <param name="Outcome">Latest outcome.</param>
/// <param name="FirstSeen">Day (UTC) the key was first seen; the horizon counts from it.</param>
/// <param name="Position">Where the deciding record was read; null for entries written before positions were kept.</param>
/// <remarks>
/// The position separates a re-delivery from a redo. A record with the same key at another position is a re-delivery
/// (the source sent it again, or a replay) and follows <see cref="Drops"/>. The same record read again from the same
/// position is a redo: the task went back to its last committed offset after a failure (a lost task, a killed process,
/// an aborted transaction) while the entry had already reached the store's changelog, and the outputs of the first pass
/// may not have. A redo is decided again and its outputs repeat with the same deterministic ids, which their readers
/// take once; dropping it could lose the line.
/// </remarks>
public sealed record DedupeEntry(DedupeOutcome Outcome, DateOnly FirstSeen, string? Position = null)
{
    /// <summary>Whether the horizon of <paramref name="horizonDays"/> days has passed on <paramref name="today"/>, so the key may be forgotten.</summary>
    public bool IsExpired(DateOnly today, int horizonDays) => FirstSeen.AddDays(horizonDays) <= today;

    /// <summary>Whether a record read at <paramref name="position"/> is the record that decided this entry, read again.</summary>
    public bool IsRedo(string? position) => Position is not null && position == Position;

    /// <summary>
    /// Whether a delivery of this key read at <paramref name="position"/> is dropped: never a redo; otherwise always
    /// after approval and while the line waits, after a dead letter unless it is a replay.
    /// </summary>
    public bool Drops(bool isReplay, string? position = null) =>
        !IsRedo(position) && (Outcome != DedupeOutcome.DeadLettered || !isReplay);

    /// <summary>Stored form: <c>Approved|2026-03-31|ingest.expenses:3:1234</c> (without the last part when the position is unknown).</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Outcome}|{FirstSeen:yyyy-MM-dd}") + (Position is null ? "" : "|" + Position);

    /// <summary>Reads the stored form, with or without the position.</summary>
    /// <exception cref="FormatException">Not a stored entry; the store was written by something else.</exception>
    public static DedupeEntry Parse(string text)
    {
        var parts = text.Split('|');
        if (parts.Length is 2 or 3 && Enum.TryParse<DedupeOutcome>(parts[0], out var outcome)
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && (parts.Length == 2 || parts[2].Length > 0))
            return new DedupeEntry(outcome, day, parts.Length == 3 ? parts[2] : null);
        throw new FormatException($"'{text}' in store {ExpenseNames.DedupeStore} is not 'Outcome|yyyy-MM-dd[|topic:partition:offset]'; the store was written by another program.");
    }

    /// <summary>The position of a record as kept in an entry: <c>topic:partition:offset</c>; null when the record was not read from a topic (a punctuator's).</summary>
    public static string? PositionOf(Confluent.Kafka.TopicPartitionOffset? read) =>
        read is { Topic: not null } p ? string.Create(CultureInfo.InvariantCulture, $"{p.Topic}:{p.Partition.Value}:{p.Offset.Value}") : null;
}
