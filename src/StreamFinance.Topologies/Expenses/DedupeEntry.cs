using System.Globalization;
using Streamiz.Kafka.Net.Processors.Public;

namespace StreamFinance.Topologies.Expenses;

/// <summary>
/// One idempotency key in <see cref="ExpenseNames.DedupeStore"/>: the outcome of its latest pass, the day it was first
/// seen, the identity of the record that decided it (<see cref="IdentityOf"/>) and when it was decided.
/// </summary>
/// <param name="Outcome">Latest outcome.</param>
/// <param name="FirstSeen">Day (UTC) the key was first seen; the horizon counts from it.</param>
/// <param name="DecidedBy">Identity of the deciding record; null for entries written before identities were kept.</param>
/// <param name="DecidedAt">When that record was decided (the topology's clock); null with <paramref name="DecidedBy"/>.</param>
/// <remarks>
/// The identity separates a re-delivery from a redo. A record with the same key but another identity is a re-delivery
/// (the source sent it again, or a replay) and follows <see cref="Drops"/>. The same record read again is a redo: the
/// task went back to its last committed offset after a failure (a lost task, a killed process, an aborted transaction)
/// while this entry had already reached the store's changelog (or stayed in the local RocksDB, which Streamiz does not
/// wipe after a dirty close), and the outputs of the first pass may not have reached their topics. A redo is decided
/// again, as of <see cref="DecidedAt"/>, so its outputs repeat with the same deterministic ids and the same approval
/// time and period, and their readers take them once; dropping it could lose the line.
/// </remarks>
public sealed record DedupeEntry(DedupeOutcome Outcome, DateOnly FirstSeen, string? DecidedBy = null, DateTimeOffset? DecidedAt = null)
{
    /// <summary>Whether the horizon of <paramref name="horizonDays"/> days has passed on <paramref name="today"/>, so the key may be forgotten.</summary>
    public bool IsExpired(DateOnly today, int horizonDays) => FirstSeen.AddDays(horizonDays) <= today;

    /// <summary>Whether the record of identity <paramref name="identity"/> is the record that decided this entry, read again.</summary>
    public bool IsRedo(string? identity) => DecidedBy is not null && identity == DecidedBy;

    /// <summary>
    /// Whether a delivery of this key, of record identity <paramref name="identity"/>, is dropped: never a redo;
    /// otherwise always after approval and while the line waits, after a dead letter unless it is a replay.
    /// </summary>
    public bool Drops(bool isReplay, string? identity = null) =>
        !IsRedo(identity) && (Outcome != DedupeOutcome.DeadLettered || !isReplay);

    /// <summary>
    /// Stored form: <c>Approved|2026-03-31|ingest.expenses:3:1234@1774947600000|2026-03-31T09:00:00.0000000+00:00</c>, or
    /// <c>Approved|2026-03-31</c> when the deciding record is unknown (entries written before identities were kept).
    /// </summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Outcome}|{FirstSeen:yyyy-MM-dd}")
        + (DecidedBy is null ? "" : string.Create(CultureInfo.InvariantCulture, $"|{DecidedBy}|{DecidedAt:O}"));

    /// <summary>Reads the stored form, with or without the deciding record.</summary>
    /// <exception cref="FormatException">Not a stored entry; the store was written by something else.</exception>
    public static DedupeEntry Parse(string text)
    {
        var parts = text.Split('|');
        if (parts.Length is 2 or 4 && Enum.TryParse<DedupeOutcome>(parts[0], out var outcome)
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (parts.Length == 2)
                return new DedupeEntry(outcome, day);
            if (parts[2].Length > 0 && DateTimeOffset.TryParseExact(parts[3], "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var decidedAt))
                return new DedupeEntry(outcome, day, parts[2], decidedAt);
        }
        throw new FormatException($"'{text}' in store {ExpenseNames.DedupeStore} is not 'Outcome|yyyy-MM-dd[|topic:partition:offset@timestamp|decided-at]'; the store was written by another program.");
    }

    /// <summary>
    /// The identity of a record as kept in an entry: <c>topic:partition:offset@timestamp</c> (timestamp in Unix
    /// milliseconds); null when the record was not read from a topic (a punctuator's).
    /// </summary>
    /// <remarks>
    /// In Kafka the position alone identifies a record, and a record read again has the same position and the same
    /// timestamp. The timestamp is there because Streamiz's <c>TopologyTestDriver</c> numbers the records it forwards
    /// through a repartition topic from offset 0 again on every forward (two different coded card transactions both
    /// arrive at <c>...-card-spend-lines-repartition:0:0</c>); the timestamp, which the repartition keeps, tells those
    /// records apart when their producers stamp them distinctly, as the test drivers do. It costs nothing against Kafka: a re-delivery has another offset whatever its timestamp.
    /// </remarks>
    public static string? IdentityOf<TKey, TValue>(Record<TKey, TValue> record) =>
        record.TopicPartitionOffset is { Topic: not null } p
            ? string.Create(CultureInfo.InvariantCulture, $"{p.Topic}:{p.Partition.Value}:{p.Offset.Value}@{record.Timestamp.UnixTimestampMs}")
            : null;
}
