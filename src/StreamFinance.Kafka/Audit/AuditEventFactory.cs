using StreamFinance.Contracts;
using System.Reflection;
using StreamFinance.Kafka.Masking;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Kafka.Audit;

/// <summary>
/// Makes the <see cref="AuditEvent"/> of an <see cref="AuditFact"/> for one component: its deterministic id
/// (<see cref="AuditEventIds"/>), the component and the build's version, the processing time from the clock, the
/// origin, and the payload's masked snapshot and unmasked SHA-256 (<see cref="AuditPayload"/>); the reason and the detail
/// are masked the same way (ids are kept as they are: they are what the trail is searched by). The event is unchained
/// (sequence 0, no hash) until the audit chainer appends it to <c>audit.events</c>.
/// </summary>
/// <param name="component">Topology, connector or command that decides, e.g. <c>expense</c>, <c>connector.concur-files</c>.</param>
/// <param name="clock">Processing time. Default the system clock.</param>
public sealed class AuditEventFactory(string component, TimeProvider? clock = null)
{
    /// <summary>The build's version, e.g. <c>1.0.0+1dceda918928...</c> (assembly informational version).</summary>
    public static string ProductVersion { get; } =
        typeof(AuditEventFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private readonly TimeProvider time = clock ?? TimeProvider.System;

    /// <summary>The component the events are written for.</summary>
    public string Component { get; } = string.IsNullOrWhiteSpace(component) ? throw new ArgumentException("An audit component needs a name.", nameof(component)) : component;

    /// <summary>The unchained event of <paramref name="fact"/>, decided now.</summary>
    public AuditEvent Create(AuditFact fact) => Create(fact, time.GetUtcNow().UtcDateTime);

    /// <summary>The unchained event of <paramref name="fact"/>, decided at <paramref name="occurredAt"/> (e.g. a dead letter's failure time).</summary>
    public AuditEvent Create(AuditFact fact, DateTime occurredAt)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var origin = fact.Origin;
        var audit = new AuditEvent
        {
            eventId = AuditEventIds.For(Component, fact),
            correlationId = string.IsNullOrEmpty(fact.CorrelationId) ? fact.BusinessId : fact.CorrelationId,
            step = fact.Step,
            component = Component,
            componentVersion = ProductVersion,
            outcome = fact.Outcome,
            reason = fact.Reason is null ? null : SensitiveMasks.MaskByChecksum(fact.Reason),
            businessId = fact.BusinessId,
            topic = origin.Topic,
            partition = origin.Partition,
            offset = origin.Offset,
            originFile = origin.File,
            originLine = origin.Line,
            detail = fact.Detail is null ? new Dictionary<string, string>() : fact.Detail.ToDictionary(d => d.Key, d => SensitiveMasks.MaskByChecksum(d.Value)),
            relatedIds = fact.RelatedIds.ToList(),
            attempt = fact.Attempt,
            occurredAt = AvroTimestamps.Utc(occurredAt),
            sourceTime = fact.SourceTime is { } source ? AvroTimestamps.Utc(source) : null,
        };
        if (fact.Payload is { } payload)
        {
            audit.payloadType = payload.Schema.Fullname;
            audit.payloadSnapshot = AuditPayload.Snapshot(payload);
        }
        else if (fact.RawSnapshot is { } text)
            audit.payloadSnapshot = AuditPayload.MaskedText(text);
        if (fact.RawPayload is { } raw)
            audit.payloadSha256 = AuditPayload.Sha256(raw.Span);
        else if (fact.Payload is { } hashed)
            audit.payloadSha256 = AuditPayload.Sha256(hashed);
        return audit;
    }
}
