using StreamFinance.Contracts;
using System.Text;
using Confluent.Kafka;
using StreamFinance.Contracts.Common;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.Kafka.Holds;

/// <summary>
/// Builds a <see cref="HeldRecord"/> from a record as it was received, and reads it back: its key, headers and
/// first-held time, and the <see cref="FailedRecord"/> it becomes when it is dead-lettered (same bytes, headers and
/// origin as if it had failed when it arrived).
/// </summary>
public static class HeldRecords
{
    /// <summary>The held form of a record read from <paramref name="origin"/>.</summary>
    /// <param name="key">The record key (UTF-8 on the wire, as every StreamFinance key).</param>
    /// <param name="rawValue">The value as the topic's SerDes writes it.</param>
    /// <param name="headers">The record's headers; null for none. Copied, never kept.</param>
    /// <param name="origin">Where it was read.</param>
    /// <param name="heldAt">Now: the horizon counts from it.</param>
    /// <param name="reasons">What it waits for; at least one.</param>
    public static HeldRecord Of(string? key, byte[] rawValue, Headers? headers, DeadLetterOrigin origin, DateTimeOffset heldAt, IReadOnlyList<HoldReason> reasons)
    {
        ArgumentNullException.ThrowIfNull(rawValue);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentOutOfRangeException.ThrowIfZero(reasons.Count, nameof(reasons));
        return new HeldRecord
        {
            rawKey = key is null ? null : Encoding.UTF8.GetBytes(key),
            rawValue = rawValue,
            headers = (headers ?? []).Select(h => new HeldHeader { key = h.Key, value = h.GetValueBytes() }).ToList(),
            originTopic = origin.Topic,
            originPartition = origin.Partition,
            originOffset = origin.Offset,
            heldAt = heldAt.UtcDateTime,
            reasons = [.. reasons],
        };
    }

    /// <summary>The record key, or null when it had none.</summary>
    public static string? KeyOf(this HeldRecord held) =>
        held.rawKey is null ? null : Encoding.UTF8.GetString(held.rawKey);

    /// <summary>A new copy of the record's headers, in their order.</summary>
    public static Headers HeadersOf(this HeldRecord held)
    {
        var headers = new Headers();
        foreach (var header in held.headers ?? [])
            headers.Add(header.key, header.value);
        return headers;
    }

    /// <summary>When the record was first held, as a UTC instant.</summary>
    public static DateTimeOffset HeldSince(this HeldRecord held) =>
        new(AvroTimestamps.Utc(held.heldAt));

    /// <summary>Where the record was read, or <see cref="DeadLetterOrigin.Unknown"/>.</summary>
    public static DeadLetterOrigin OriginOf(this HeldRecord held) =>
        held.originTopic is { } topic && held.originPartition is { } partition && held.originOffset is { } offset
            ? DeadLetterOrigin.FromTopic(topic, partition, offset)
            : DeadLetterOrigin.Unknown;

    /// <summary>The record as received, for its dead letter: origin, key and value bytes, headers.</summary>
    public static FailedRecord ToFailedRecord(this HeldRecord held) => new(held.OriginOf(), held.rawKey, held.rawValue, held.HeadersOf());

    /// <summary>Whether <paramref name="reasons"/> name the same codes and awaited master data as the record's, in order.</summary>
    public static bool WaitsFor(this HeldRecord held, IReadOnlyList<HoldReason> reasons) =>
        held.reasons.Select(r => (r.code, r.awaits)).SequenceEqual(reasons.Select(r => (r.code, r.awaits)));
}
