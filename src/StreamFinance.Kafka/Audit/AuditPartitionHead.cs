using System.Globalization;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Kafka.Audit;

/// <summary>
/// The open day of one partition of <c>audit.events</c>, as the audit chainer keeps it: the day (by <c>chainedAt</c>),
/// how many events it has so far, and the partition's running hash (<see cref="AuditChain.Fold"/> over every event
/// written to the partition, never reset). When a later day begins, the day is closed by a chain head written into the
/// same partition, which records the running hash at that point; <c>audit verify</c> recomputes it from the partition.
/// Stored as text: <c>yyyy-MM-dd|events|running</c>.
/// </summary>
/// <param name="Day">The open day, UTC.</param>
/// <param name="Events">Events chained into the partition on <paramref name="Day"/>.</param>
/// <param name="Running">The partition's running hash after its last event; empty before the first.</param>
public sealed record AuditPartitionHead(DateOnly Day, long Events, string Running)
{
    /// <summary>The partition before its first event.</summary>
    public static AuditPartitionHead Empty { get; } = new(DateOnly.MinValue, 0, "");

    /// <summary>The state after <paramref name="chained"/> was written on <paramref name="day"/> (already closed if it was a later day).</summary>
    public AuditPartitionHead After(AuditEvent chained, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(chained);
        return new(day, (day == Day ? Events : 0) + 1, AuditChain.Fold(Running, chained.hash ?? throw new ArgumentException("Only a chained event enters a partition's running hash.", nameof(chained))));
    }

    /// <summary>Whether a day with events is open before <paramref name="day"/>, so it must be closed first.</summary>
    public bool ClosesBefore(DateOnly day) => Events > 0 && Day < day;

    /// <summary>The state once the open day is closed: <paramref name="next"/> is open, the running hash goes on, the count starts again.</summary>
    public AuditPartitionHead Closed(DateOnly next) => new(next, 0, Running);

    /// <summary>
    /// The unchained chain-head event that closes the open day of <paramref name="partition"/>: correlation id
    /// <c>audit-chain-head/&lt;partition&gt;</c> (so heads form a chain of their own), business id
    /// <c>&lt;partition&gt;/&lt;day&gt;</c>, detail <c>partition</c>, <c>day</c>, <c>events</c> and <c>partitionHash</c>
    /// (the running hash), written at the end of the day.
    /// </summary>
    public AuditEvent HeadEvent(int partition)
    {
        var day = Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var number = partition.ToString(CultureInfo.InvariantCulture);
        var fact = new AuditFact(AuditSteps.ChainHead, AuditOutcome.SUCCEEDED, AuditChain.HeadCorrelationPrefix + number, $"{number}/{day}")
        {
            Detail = new Dictionary<string, string>
            {
                ["partition"] = number,
                ["day"] = day,
                ["events"] = Events.ToString(CultureInfo.InvariantCulture),
                ["partitionHash"] = Running,
            },
        };
        // Written at the end of the day, however often and whenever it is written.
        return new AuditEventFactory(AuditChain.Component).Create(fact, Day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
    }

    /// <summary>The stored text.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Day:yyyy-MM-dd}|{Events}|{Running}");

    /// <summary>Reads the stored text.</summary>
    public static AuditPartitionHead Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('|');
        if (parts.Length != 3
            || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var events))
            throw new FormatException($"'{text}' is not an audit partition head (day|events|running).");
        return new AuditPartitionHead(day, events, parts[2]);
    }
}
