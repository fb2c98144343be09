using Avro.Specific;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.Kafka.Audit;

/// <summary>
/// What an emitter says about one decision; <see cref="AuditEventFactory"/> makes the <see cref="AuditEvent"/> of it
/// (deterministic id, component and version, processing time, masked snapshot and hash of the payload).
/// </summary>
/// <param name="Step">The decision, one of <see cref="AuditSteps"/>.</param>
/// <param name="Outcome">Its result.</param>
/// <param name="CorrelationId">The transaction's correlation id (the envelope's); the key of the audit topics.</param>
/// <param name="BusinessId">The document's business id, e.g. an expense id.</param>
public sealed record AuditFact(string Step, AuditOutcome Outcome, string CorrelationId, string BusinessId)
{
    /// <summary>Why: a reason code, what a record waits for. Default none.</summary>
    public string? Reason { get; init; }

    /// <summary>When the fact happened in the source system (the envelope's event time). Default not known.</summary>
    public DateTime? SourceTime { get; init; }

    /// <summary>
    /// Where the record decided on came from: topic, partition and offset, or file and line. It goes into the event id,
    /// so a re-delivery of the same record repeats the same id. Default <see cref="DeadLetterOrigin.Unknown"/> (a
    /// punctuator's decision: give <see cref="RelatedIds"/> or <see cref="Detail"/> that tell it apart).
    /// </summary>
    public DeadLetterOrigin Origin { get; init; } = DeadLetterOrigin.Unknown;

    /// <summary>The payload after the step, snapshot masked and, unless <see cref="RawPayload"/> is given, hashed unmasked (its Avro encoding). Default none.</summary>
    public ISpecificRecord? Payload { get; init; }

    /// <summary>The unmasked bytes the decision was about when they are not <see cref="Payload"/>'s Avro encoding (a source line, a dead letter's raw value): hashed instead. Default none.</summary>
    public ReadOnlyMemory<byte>? RawPayload { get; init; }

    /// <summary>The text shown when there is no <see cref="Payload"/> (a source line), already masked by the emitter that knows its sensitive values; masked again by checksum. Default none.</summary>
    public string? RawSnapshot { get; init; }

    /// <summary>Other business ids the decision ties the transaction to (reconciliation id, card transaction id), indexed for search. Default none.</summary>
    public IReadOnlyList<string> RelatedIds { get; init; } = [];

    /// <summary>Step-specific facts (ids, profile, counts); never secrets. Default none.</summary>
    public IReadOnlyDictionary<string, string>? Detail { get; init; }

    /// <summary>Processing attempt: 1, or n+1 for the n-th replay. Default 1.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>A fact about a canonical record: correlation id and source time from <paramref name="envelope"/>.</summary>
    public static AuditFact About(Envelope envelope, string step, AuditOutcome outcome, string businessId)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return new AuditFact(step, outcome, envelope.correlationId, businessId) { SourceTime = envelope.eventTime };
    }
}
