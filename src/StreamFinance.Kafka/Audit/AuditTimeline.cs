using System.Globalization;
using System.Text;
using System.Text.Json;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Kafka.Audit;

/// <summary>
/// The journey of the transactions an id names, as read from <c>audit.events</c> (by <c>audit trace</c>) or from the
/// audit index (by <c>GET /v1/audit/{id}</c>): the chained events of every correlation id that carries the id, each
/// taken once (repeats collapsed by event id), in chain order. Daily chain heads are left out.
/// </summary>
public sealed class AuditTimeline
{
    private AuditTimeline(string id, IReadOnlyList<AuditEvent> events)
    {
        Id = id;
        Events = events;
    }

    /// <summary>The id asked for: a correlation id, business id or related id.</summary>
    public string Id { get; }

    /// <summary>The events, grouped by correlation id (in order of their first event), each group in sequence order.</summary>
    public IReadOnlyList<AuditEvent> Events { get; }

    /// <summary>The distinct correlation ids, in order.</summary>
    public IReadOnlyList<string> CorrelationIds => Events.Select(e => e.correlationId).Distinct().ToList();

    /// <summary>The timeline of <paramref name="id"/> from <paramref name="events"/> (already those of its correlation ids).</summary>
    public static AuditTimeline Of(string id, IEnumerable<AuditEvent> events)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(events);
        var distinct = new Dictionary<Guid, AuditEvent>();
        foreach (var audit in events.Where(e => !AuditChain.IsHead(e)))
            distinct.TryAdd(audit.eventId, audit);
        var ordered = distinct.Values
            .GroupBy(e => e.correlationId)
            .OrderBy(g => g.Min(e => e.occurredAt))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.OrderBy(e => e.sequence).ThenBy(e => e.occurredAt))
            .ToList();
        return new AuditTimeline(id, ordered);
    }

    /// <summary>Whether <paramref name="audit"/> belongs to the timeline of <paramref name="id"/>: its correlation id, business id or a related id.</summary>
    public static bool Names(AuditEvent audit, string id)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return audit.correlationId == id || audit.businessId == id || (audit.relatedIds?.Contains(id) ?? false);
    }

    /// <summary>The timeline as text for a person: one block per correlation id, one line per event, facts indented below it.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        if (Events.Count == 0)
            return $"No audit events name '{Id}'.{Environment.NewLine}";
        text.Append(CultureInfo.InvariantCulture, $"Audit trail of {Id}: {Events.Count} event(s) in {CorrelationIds.Count} transaction(s){Environment.NewLine}");
        foreach (var group in Events.GroupBy(e => e.correlationId))
        {
            text.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}correlation {group.Key}{Environment.NewLine}");
            foreach (var e in group)
            {
                var reason = e.reason is null ? "" : $" ({e.reason})";
                text.Append(CultureInfo.InvariantCulture,
                    $"  {e.sequence,3}  {Instant(e.occurredAt)}  {e.step,-13} {e.outcome,-17} {e.businessId}{reason}{Environment.NewLine}");
                text.Append(CultureInfo.InvariantCulture, $"       by {e.component} {e.componentVersion}, from {Origin(e)}");
                if (e.attempt > 1)
                    text.Append(CultureInfo.InvariantCulture, $", attempt {e.attempt}");
                if (e.sourceTime is { } source)
                    text.Append(CultureInfo.InvariantCulture, $", source time {Instant(source)}");
                text.Append(Environment.NewLine);
                if (e.relatedIds is { Count: > 0 })
                    text.Append(CultureInfo.InvariantCulture, $"       related: {string.Join(", ", e.relatedIds)}{Environment.NewLine}");
                if (e.detail is { Count: > 0 })
                    text.Append(CultureInfo.InvariantCulture, $"       {string.Join(", ", e.detail.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}"))}{Environment.NewLine}");
                if (e.payloadSha256 is not null)
                    text.Append(CultureInfo.InvariantCulture, $"       payload {e.payloadType ?? "raw"} sha256 {e.payloadSha256}{Environment.NewLine}");
            }
        }
        return text.ToString();
    }

    /// <summary>The timeline as a JSON object: <c>id</c>, <c>correlationIds</c> and <c>events</c> (every field, times ISO 8601 UTC).</summary>
    public void WriteJson(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteString("id", Id);
        json.WriteStartArray("correlationIds");
        foreach (var correlation in CorrelationIds)
            json.WriteStringValue(correlation);
        json.WriteEndArray();
        json.WriteStartArray("events");
        foreach (var e in Events)
            WriteEvent(json, e);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>One event as a JSON object, every field of the schema.</summary>
    public static void WriteEvent(Utf8JsonWriter json, AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(e);
        json.WriteStartObject();
        json.WriteString("eventId", e.eventId.ToString());
        json.WriteString("correlationId", e.correlationId);
        json.WriteNumber("sequence", e.sequence);
        json.WriteString("step", e.step);
        json.WriteString("outcome", e.outcome.ToString());
        WriteNullable(json, "reason", e.reason);
        json.WriteString("businessId", e.businessId);
        json.WriteStartArray("relatedIds");
        foreach (var id in e.relatedIds ?? [])
            json.WriteStringValue(id);
        json.WriteEndArray();
        json.WriteString("component", e.component);
        json.WriteString("componentVersion", e.componentVersion);
        json.WriteString("occurredAt", Instant(e.occurredAt));
        WriteNullable(json, "sourceTime", e.sourceTime is { } s ? Instant(s) : null);
        json.WriteStartObject("origin");
        WriteNullable(json, "topic", e.topic);
        if (e.partition is { } partition) json.WriteNumber("partition", partition); else json.WriteNull("partition");
        if (e.offset is { } offset) json.WriteNumber("offset", offset); else json.WriteNull("offset");
        WriteNullable(json, "file", e.originFile);
        if (e.originLine is { } line) json.WriteNumber("line", line); else json.WriteNull("line");
        json.WriteEndObject();
        json.WriteNumber("attempt", e.attempt);
        json.WriteStartObject("detail");
        foreach (var (key, value) in (e.detail ?? new Dictionary<string, string>()).OrderBy(d => d.Key, StringComparer.Ordinal))
            json.WriteString(key, value);
        json.WriteEndObject();
        WriteNullable(json, "payloadType", e.payloadType);
        WriteNullable(json, "payloadSnapshot", e.payloadSnapshot);
        WriteNullable(json, "payloadSha256", e.payloadSha256);
        WriteNullable(json, "previousHash", e.previousHash);
        WriteNullable(json, "hash", e.hash);
        WriteNullable(json, "chainedAt", e.chainedAt is { } c ? Instant(c) : null);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, value);
    }

    private static string Origin(AuditEvent e) =>
        e.originFile is not null ? $"{e.originFile}:{e.originLine?.ToString(CultureInfo.InvariantCulture)}"
        : e.topic is not null ? $"{e.topic}/{e.partition?.ToString(CultureInfo.InvariantCulture)}/{e.offset?.ToString(CultureInfo.InvariantCulture)}"
        : "no record (a timer)";

    private static string Instant(DateTime time) =>
        (time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
