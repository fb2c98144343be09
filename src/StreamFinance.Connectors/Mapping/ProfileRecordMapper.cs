using Avro.Specific;
using StreamFinance.Connectors.Mapping.Binding;
using StreamFinance.Connectors.Sources;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Mapping;

/// <summary>
/// The <see cref="IRecordMapper"/> of a loaded YAML profile. Fills the envelope: sourceSystem from the profile,
/// sourceId from the profile's <c>sourceId</c>, idempotencyKey <c>{sourceSystem}:{target topic}:{sourceId}</c>
/// (<see cref="DeterministicIds"/>), eventId derived from it, correlationId from the profile's <c>correlationId</c> path
/// or else the idempotency key, eventTime from <c>eventTime</c> or else the ingest time, and mappingProfile
/// <c>name@version</c>. The Kafka key is the profile's <c>key</c>, else the sourceId. Immutable and thread-safe.
/// </summary>
public sealed class ProfileRecordMapper : IRecordMapper
{
    internal ProfileRecordMapper(MappingProfileHeader header, RecordBinding root, ValueSpec sourceId, ValueSpec? key, ValueSpec? eventTime, ValueSpec? correlationId)
    {
        (Header, Root, SourceIdSpec, KeySpec, EventTimeSpec, CorrelationIdSpec) = (header, root, sourceId, key, eventTime, correlationId);
    }

    /// <summary>Where the profile was loaded from and what it says about itself.</summary>
    public MappingProfileHeader Header { get; }

    /// <inheritdoc />
    public string ProfileName => Header.Name;

    /// <inheritdoc />
    public string ProfileVersion => Header.Version;

    /// <summary><c>name@version</c>.</summary>
    public string ProfileId => $"{ProfileName}@{ProfileVersion}";

    /// <inheritdoc />
    public string SourceSystem => Header.SourceSystem;

    /// <inheritdoc />
    public string Format => Header.Format;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> FormatOptions => Header.FormatOptions;

    /// <inheritdoc />
    public TopicSpec TargetTopic => Header.TargetTopic;

    /// <inheritdoc />
    public IReadOnlyList<SensitiveField> SensitiveFields => Header.SensitiveFields;

    internal RecordBinding Root { get; }

    internal ValueSpec SourceIdSpec { get; }

    internal ValueSpec? KeySpec { get; }

    internal ValueSpec? EventTimeSpec { get; }

    internal ValueSpec? CorrelationIdSpec { get; }

    /// <inheritdoc />
    public MappingResult Map(SourceRecord record, DateTime ingestTime)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            var document = record.Document;
            var sourceId = Required(SourceIdSpec, document, "sourceId");
            var key = KeySpec is null ? sourceId : Required(KeySpec, document, "key");
            var idempotencyKey = DeterministicIds.IdempotencyKey(SourceSystem, TargetTopic.Name, sourceId);
            var ingest = Millis(ingestTime.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(ingestTime, DateTimeKind.Utc) : ingestTime.ToUniversalTime());
            var eventTime = EventTimeSpec is null
                ? ingest
                : (DateTime)AvroScalar.Timestamp.Convert(Required(EventTimeSpec, document, "eventTime"), "eventTime", EventTimeSpec.Describe());
            var envelope = new Envelope
            {
                eventId = DeterministicIds.EventId(idempotencyKey),
                correlationId = (CorrelationIdSpec is null ? null : CorrelationIdSpec.Evaluate(document, "correlationId")) ?? idempotencyKey,
                sourceSystem = SourceSystem, sourceId = sourceId, eventTime = eventTime, ingestTime = ingest,
                idempotencyKey = idempotencyKey, mappingProfile = ProfileId,
            };
            var value = (ISpecificRecord)Root.Build(document, new MappingScope(envelope), string.Empty)!;
            return MappingResult.Mapped(new MappedRecord(key, value));
        }
        catch (MappingValueException exception)
        {
            return MappingResult.Failed(new MappingFailure(exception.Reason, $"{ProfileId} {exception.Message} ({record.Position})", exception.Field));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Map never throws for content: a path of another format (FormatException) or anything unforeseen is this record's failure.
            return MappingResult.Failed(new MappingFailure(ReasonCode.MappingFailed, $"{ProfileId}: the record at {record.Position} could not be mapped ({exception.GetType().Name}: {exception.Message}).", null));
        }
    }

    private static string Required(ValueSpec spec, ISourceDocument document, string field) =>
        spec.Evaluate(document, field) ?? throw spec.Missing(document, field);

    private static DateTime Millis(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
}
