using System.Globalization;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Kafka.DeadLetters;

/// <summary>
/// Where a failed record came from: a topic position (topic, partition, offset) or a file position (file, line).
/// Replaying a dead letter means writing its raw bytes back to <see cref="Topic"/> (or re-reading the file line).
/// </summary>
public sealed record DeadLetterOrigin
{
    private DeadLetterOrigin()
    {
    }

    /// <summary>Topic of the record; null for a file origin.</summary>
    public string? Topic { get; private init; }

    /// <summary>Partition of the record; null for a file origin, or when a record never reached Kafka and had no partition yet.</summary>
    public int? Partition { get; private init; }

    /// <summary>Offset of the record; null for a file origin, or for a record that was never written.</summary>
    public long? Offset { get; private init; }

    /// <summary>Source file of the record; null for a topic origin.</summary>
    public string? File { get; private init; }

    /// <summary>1-based line in <see cref="File"/>; null for a topic origin.</summary>
    public long? Line { get; private init; }

    /// <summary>A record whose position is not known, for example one forwarded by a punctuator rather than read from a topic.</summary>
    public static DeadLetterOrigin Unknown { get; } = new();

    /// <summary>A record read from <paramref name="topic"/> at <paramref name="partition"/>/<paramref name="offset"/>.</summary>
    public static DeadLetterOrigin FromTopic(string topic, int partition, long offset)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        return new DeadLetterOrigin { Topic = topic, Partition = partition, Offset = offset };
    }

    /// <summary>
    /// A record that was to be written to <paramref name="topic"/> but never was (a production failure): it has no
    /// offset, and a partition only when the writer chose one. Replaying it writes it to that topic again.
    /// </summary>
    public static DeadLetterOrigin Unwritten(string topic, int? partition = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        return new DeadLetterOrigin { Topic = topic, Partition = partition };
    }

    /// <summary>Line <paramref name="line"/> (1-based) of <paramref name="file"/>.</summary>
    public static DeadLetterOrigin FromFile(string file, long line)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        ArgumentOutOfRangeException.ThrowIfLessThan(line, 1);
        return new DeadLetterOrigin { File = file, Line = line };
    }

    /// <summary>The origin recorded in <paramref name="deadLetter"/>.</summary>
    public static DeadLetterOrigin Of(DeadLetter deadLetter)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        return new DeadLetterOrigin
        {
            Topic = deadLetter.originTopic,
            Partition = deadLetter.originPartition,
            Offset = deadLetter.originOffset,
            File = deadLetter.originFile,
            Line = deadLetter.originLine,
        };
    }

    /// <summary>
    /// The position as one string: <c>topic/partition/offset</c>, <c>file:line</c>, for an unwritten record
    /// <c>topic/partition/unwritten</c> (partition <c>any</c> when none was chosen), else <c>unknown origin</c>.
    /// </summary>
    public override string ToString() =>
        (File, Topic) switch
        {
            ({ } file, _) => $"{file}:{Line?.ToString(CultureInfo.InvariantCulture)}",
            (null, { } topic) => $"{topic}/{Partition?.ToString(CultureInfo.InvariantCulture) ?? "any"}/{Offset?.ToString(CultureInfo.InvariantCulture) ?? "unwritten"}",
            _ => "unknown origin",
        };
}
