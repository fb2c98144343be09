using StreamFinance.Contracts;
using System.Globalization;
using System.Text;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Kafka.Audit;

/// <summary>
/// The journey of the transactions an id names, as read from <c>audit.events</c> (by <c>audit trace</c>) or from the
/// audit index (by <c>GET /v1/audit/{id}</c>, which answers it as JSON): the chained events of every correlation id that carries the id, each
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
                    $"  {e.sequence,3}  {AvroTimestamps.Iso(e.occurredAt)}  {e.step,-13} {e.outcome,-17} {e.businessId}{reason}{Environment.NewLine}");
                text.Append(CultureInfo.InvariantCulture, $"       by {e.component} {e.componentVersion}, from {Origin(e)}");
                if (e.attempt > 1)
                    text.Append(CultureInfo.InvariantCulture, $", attempt {e.attempt}");
                if (e.sourceTime is { } source)
                    text.Append(CultureInfo.InvariantCulture, $", source time {AvroTimestamps.Iso(source)}");
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

    private static string Origin(AuditEvent e) =>
        e.originFile is not null ? $"{e.originFile}:{e.originLine?.ToString(CultureInfo.InvariantCulture)}"
        : e.topic is not null ? $"{e.topic}/{e.partition?.ToString(CultureInfo.InvariantCulture)}/{e.offset?.ToString(CultureInfo.InvariantCulture)}"
        : "no record (a timer)";
}
