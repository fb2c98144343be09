using System.Globalization;

namespace StreamFinance.Kafka.Audit;

/// <summary>
/// The end of one correlation id's chain, as the audit chainer keeps it in its store: the last sequence and hash, and
/// the ids of the latest events (at most <see cref="RememberedIds"/>) so that a repeated event is recognised and
/// dropped. Stored as text: <c>sequence|hash|id,id,...</c>.
/// </summary>
/// <param name="Sequence">Sequence of the last event chained.</param>
/// <param name="Hash">Hash of the last event chained.</param>
/// <param name="Recent">Ids of the latest events chained, oldest first.</param>
public sealed record AuditChainLink(long Sequence, string Hash, IReadOnlyList<Guid> Recent)
{
    /// <summary>How many event ids a link remembers against repeats: 64, more than the decisions of any one record's reprocessing.</summary>
    public const int RememberedIds = 64;

    /// <summary>Whether <paramref name="eventId"/> is among the latest events chained.</summary>
    public bool Holds(Guid eventId) => Recent.Contains(eventId);

    /// <summary>The link after appending the event <paramref name="eventId"/> with <paramref name="hash"/>.</summary>
    public AuditChainLink Then(Guid eventId, string hash) =>
        new(Sequence + 1, hash, [.. Recent.Skip(Math.Max(0, Recent.Count + 1 - RememberedIds)), eventId]);

    /// <summary>The link before a chain's first event.</summary>
    public static AuditChainLink Start { get; } = new(0, "", []);

    /// <summary>The stored text.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Sequence}|{Hash}|{string.Join(',', Recent)}");

    /// <summary>Reads the stored text.</summary>
    public static AuditChainLink Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('|');
        if (parts.Length != 3 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            throw new FormatException($"'{text}' is not an audit chain link (sequence|hash|ids).");
        var ids = parts[2].Length == 0 ? [] : parts[2].Split(',').Select(Guid.Parse).ToList();
        return new AuditChainLink(sequence, parts[1], ids);
    }
}
