using StreamFinance.Contracts;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Kafka.Audit;

/// <summary>
/// The hash that chains audit events: lower-case hex SHA-256 of a canonical encoding of every field of the event but
/// <c>hash</c> itself, in a fixed order, each as its UTF-8 length (or -1 for null) and bytes, <c>detail</c> sorted by
/// key. Independent of Avro and of the schema version that wrote the event, so an event read with a later schema (with
/// more fields, defaulted) hashes the same; a field added to the schema later must enter the encoding only when it is
/// not at its default, so that every event written before keeps its hash.
/// Pinned by a golden-value test: changing it breaks the verification of every event already written.
/// </summary>
public static class AuditEventHash
{
    private const string Version = "streamfinance-audit-event-v1";

    /// <summary>The hash of <paramref name="audit"/> as it stands (its own <c>hash</c> is ignored).</summary>
    public static string Compute(AuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, Version);
        Append(hash, audit.eventId.ToString());
        Append(hash, audit.correlationId);
        Append(hash, Number(audit.sequence));
        Append(hash, audit.previousHash);
        Append(hash, audit.step);
        Append(hash, audit.component);
        Append(hash, audit.componentVersion);
        Append(hash, audit.outcome.ToString());
        Append(hash, audit.reason);
        Append(hash, audit.businessId);
        Append(hash, audit.topic);
        Append(hash, audit.partition is { } p ? Number(p) : null);
        Append(hash, audit.offset is { } o ? Number(o) : null);
        Append(hash, audit.originFile);
        Append(hash, audit.originLine is { } l ? Number(l) : null);
        Append(hash, Number(audit.relatedIds?.Count ?? 0));
        foreach (var id in audit.relatedIds ?? [])
            Append(hash, id);
        Append(hash, Number(audit.attempt));
        Append(hash, Millis(audit.occurredAt));
        Append(hash, audit.sourceTime is { } s ? Millis(s) : null);
        Append(hash, audit.chainedAt is { } c ? Millis(c) : null);
        Append(hash, audit.payloadType);
        Append(hash, audit.payloadSnapshot);
        Append(hash, audit.payloadSha256);
        var detail = audit.detail ?? new Dictionary<string, string>();
        Append(hash, Number(detail.Count));
        foreach (var (key, value) in detail.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            Append(hash, key);
            Append(hash, value);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string? text)
    {
        Span<byte> length = stackalloc byte[4];
        if (text is null)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, -1);
            hash.AppendData(length);
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(text);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Milliseconds since the Unix epoch, as Avro's timestamp-millis keeps them (a local time is taken as what it says, converted to UTC).</summary>
    private static string Millis(DateTime time)
    {
        var utc = AvroTimestamps.Utc(time);
        return Number(new DateTimeOffset(utc).ToUnixTimeMilliseconds());
    }
}
