using Avro.Specific;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Mapping;

/// <summary>Outcome of mapping one source record: a canonical record, or why there is none. Exactly one of <see cref="Record"/> and <see cref="Failure"/> is set.</summary>
public sealed class MappingResult
{
    private MappingResult(MappedRecord? record, MappingFailure? failure) => (Record, Failure) = (record, failure);

    /// <summary>The canonical record; null on failure.</summary>
    public MappedRecord? Record { get; }

    /// <summary>Why the record could not be mapped; null on success.</summary>
    public MappingFailure? Failure { get; }

    /// <summary>A mapped record.</summary>
    public static MappingResult Mapped(MappedRecord record) => new(record ?? throw new ArgumentNullException(nameof(record)), null);

    /// <summary>A record that could not be mapped.</summary>
    public static MappingResult Failed(MappingFailure failure) => new(null, failure ?? throw new ArgumentNullException(nameof(failure)));
}

/// <summary>
/// A canonical record ready to produce. Its envelope's idempotency key is deterministic from the source system and
/// the record's business identity, so a record re-sent after a crash, or re-delivered by the vendor, carries the same key.
/// </summary>
/// <param name="Key">Kafka key: the business id the target topic is keyed by.</param>
/// <param name="Value">The canonical record (its envelope carries correlation id, source system, source id, idempotency key, ingest time and mapping profile).</param>
public sealed record MappedRecord(string Key, ISpecificRecord Value);

/// <summary>Why a record could not be mapped.</summary>
/// <param name="Reason"><see cref="ReasonCode.MappingFailed"/> (a value missing, unparseable, not in a value map) or <see cref="ReasonCode.SchemaInvalid"/> (the result breaks the canonical schema, e.g. an amount with more decimals than the schema's scale).</param>
/// <param name="Message">For integration support: names the profile field, the source path and the offending value, e.g. "amount: '12,3x' at $.amount is not a decimal (culture de-DE)".</param>
/// <param name="Field">The profile's target field that failed, e.g. <c>amount</c>; null when the failure is not about one field.</param>
public sealed record MappingFailure(ReasonCode Reason, string Message, string? Field = null);
