using StreamFinance.Contracts;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Audit;

namespace StreamFinance.Host.Api.Http;

/// <summary>Answer of <c>GET /v1/audit/{id}</c> (and of <c>audit trace --format json</c>): the journey of the transactions an id names.</summary>
/// <param name="Id">The id asked for.</param>
/// <param name="CorrelationIds">The transactions whose events name it, in order of their first event.</param>
/// <param name="Events">Their events, per transaction in chain order, each once.</param>
public sealed record AuditTrailResponse(string Id, IReadOnlyList<string> CorrelationIds, IReadOnlyList<AuditEventResponse> Events)
{
    /// <summary>The answer of <paramref name="timeline"/>.</summary>
    public static AuditTrailResponse From(AuditTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return new AuditTrailResponse(timeline.Id, timeline.CorrelationIds, [.. timeline.Events.Select(AuditEventResponse.From)]);
    }
}

/// <summary>One audit event as the API answers it: every field of <c>avro/audit-event.avsc</c>, times in UTC.</summary>
/// <param name="EventId">Deterministic id of the decision.</param>
/// <param name="CorrelationId">The transaction.</param>
/// <param name="Sequence">Position in the transaction's chain, from 1.</param>
/// <param name="Step">The decision, e.g. <c>approved</c>.</param>
/// <param name="Outcome">Its result, e.g. <c>SUCCEEDED</c>, <c>DEAD_LETTERED</c>.</param>
/// <param name="Reason">Why, when the step has a reason.</param>
/// <param name="BusinessId">The document decided on.</param>
/// <param name="RelatedIds">Other ids the decision ties the transaction to.</param>
/// <param name="Component">Topology, connector or command that decided.</param>
/// <param name="ComponentVersion">Its build.</param>
/// <param name="OccurredAt">When it decided.</param>
/// <param name="SourceTime">When the fact happened in the source system, when known.</param>
/// <param name="Origin">Where the record decided on came from.</param>
/// <param name="Attempt">1, or n+1 after the n-th replay.</param>
/// <param name="Detail">Step-specific facts.</param>
/// <param name="PayloadType">Avro name of the payload shown.</param>
/// <param name="PayloadSnapshot">The payload as JSON, sensitive values masked.</param>
/// <param name="PayloadSha256">SHA-256 of the unmasked payload.</param>
/// <param name="PreviousHash">Hash of the chain's previous event.</param>
/// <param name="Hash">This event's hash.</param>
/// <param name="ChainedAt">When it was appended to the chain.</param>
public sealed record AuditEventResponse(
    string EventId, string CorrelationId, long Sequence, string Step, string Outcome, string? Reason, string BusinessId, IReadOnlyList<string> RelatedIds,
    string Component, string ComponentVersion, DateTime OccurredAt, DateTime? SourceTime, AuditOriginResponse Origin, int Attempt,
    IReadOnlyDictionary<string, string> Detail, string? PayloadType, string? PayloadSnapshot, string? PayloadSha256, string? PreviousHash, string? Hash, DateTime? ChainedAt)
{
    /// <summary>The answer of <paramref name="e"/>.</summary>
    public static AuditEventResponse From(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new AuditEventResponse(
            e.eventId.ToString(), e.correlationId, e.sequence, e.step, e.outcome.ToString(), e.reason, e.businessId, [.. e.relatedIds ?? []],
            e.component, e.componentVersion, Utc(e.occurredAt), e.sourceTime is { } source ? Utc(source) : null,
            new AuditOriginResponse(e.topic, e.partition, e.offset, e.originFile, e.originLine), e.attempt,
            new SortedDictionary<string, string>(e.detail ?? new Dictionary<string, string>(), StringComparer.Ordinal),
            e.payloadType, e.payloadSnapshot, e.payloadSha256, e.previousHash, e.hash, e.chainedAt is { } chained ? Utc(chained) : null);
    }

    private static DateTime Utc(DateTime time) => AvroTimestamps.Utc(time);
}

/// <summary>Where a decided record came from: a topic position, or a file (or endpoint) and line.</summary>
/// <param name="Topic">Topic, for a record read from Kafka.</param>
/// <param name="Partition">Its partition.</param>
/// <param name="Offset">Its offset.</param>
/// <param name="File">Source file or endpoint, for a connector's record.</param>
/// <param name="Line">Line or record number in it.</param>
public sealed record AuditOriginResponse(string? Topic, int? Partition, long? Offset, string? File, long? Line);
