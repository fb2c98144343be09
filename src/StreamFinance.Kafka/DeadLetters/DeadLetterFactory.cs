using Confluent.Kafka;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Kafka.DeadLetters;

/// <summary>
/// Builds the <see cref="DeadLetter"/> record of a failed record: the one way every topology, exception handler and
/// connector describes a failure. Pure: no Kafka, no I/O; time comes from the clock given. Every dead letter it builds
/// is within <see cref="DeadLetterLimits"/>, so it fits in a Kafka message whatever the failed record carried.
/// </summary>
/// <remarks>
/// The correlation id is never empty. It is, in order: the one in <see cref="Failure.CorrelationId"/>; the record's
/// <c>streamfinance.correlation-id</c> header; the origin position (<c>topic/partition/offset</c> or <c>file:line</c>);
/// and for a record that never reached Kafka, a new GUID. The idempotency key is the failure's, else the record's
/// <c>streamfinance.idempotency-key</c> header, else null.
/// </remarks>
public sealed class DeadLetterFactory(TimeProvider clock)
{
    /// <summary>Header carrying the correlation id of canonical records (set by the connectors' producer).</summary>
    public const string CorrelationIdHeader = Contracts.RecordHeaders.CorrelationId;

    /// <summary>Header carrying the idempotency key of canonical records (set by the connectors' producer).</summary>
    public const string IdempotencyKeyHeader = Contracts.RecordHeaders.IdempotencyKey;

    /// <summary><c>exceptionType</c> of a dead letter that a business rule produced rather than an exception.</summary>
    public const string BusinessRuleExceptionType = "BusinessRule";

    /// <summary>A factory on the system clock.</summary>
    public static DeadLetterFactory System { get; } = new(TimeProvider.System);

    /// <summary>The dead letter of <paramref name="record"/>, which failed in <paramref name="processor"/> because of <paramref name="failure"/>.</summary>
    /// <param name="failure">Reason, message and what is known of the record's identity.</param>
    /// <param name="record">The record as received: origin, raw bytes, headers.</param>
    /// <param name="processor">Topology processor or connector that failed, for example <c>expense.validate</c> or <c>connector.concur-file</c>.</param>
    public DeadLetter Create(Failure failure, FailedRecord record, string processor)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(failure.Message, nameof(failure));
        ArgumentException.ThrowIfNullOrWhiteSpace(processor);
        ArgumentOutOfRangeException.ThrowIfLessThan(failure.AttemptCount, 1, nameof(failure));

        var origin = record.Origin;
        var deadLetter = new DeadLetter
        {
            reasonCode = failure.Reason.Code,
            ownerRole = failure.Reason.Owner,
            message = failure.Message,
            originTopic = origin.Topic,
            originPartition = origin.Partition,
            originOffset = origin.Offset,
            originFile = origin.File,
            originLine = origin.Line,
            rawKey = record.RawKey,
            rawValue = record.RawValue,
            exceptionType = failure.Exception?.GetType().FullName ?? BusinessRuleExceptionType,
            exceptionMessage = failure.Exception is null ? null : MessageChain(failure.Exception),
            correlationId = NonBlank(failure.CorrelationId) ?? Header(record.Headers, CorrelationIdHeader) ?? FromOrigin(origin),
            idempotencyKey = NonBlank(failure.IdempotencyKey) ?? Header(record.Headers, IdempotencyKeyHeader),
            attemptCount = failure.AttemptCount,
            mappingProfile = NonBlank(failure.MappingProfile),
            processor = processor,
            failedAt = (failure.FailedAt ?? clock.GetUtcNow()).UtcDateTime,
            truncated = [],
            violations = [.. failure.Violations.Select(v => new RuleViolation { code = v.code, field = v.field, value = v.value, message = v.message })],
        };
        return DeadLetterLimits.Apply(deadLetter, record.Headers);
    }

    /// <summary>The exception's message followed by those of its inner exceptions, so a wrapped cause is not lost.</summary>
    private static string MessageChain(Exception exception)
    {
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            messages.Add($"{(current == exception ? "" : current.GetType().FullName + ": ")}{current.Message}");
        }

        return string.Join(" ---> ", messages);
    }

    private static string FromOrigin(DeadLetterOrigin origin) =>
        origin.File is not null || origin.Offset is not null ? origin.ToString() : Guid.NewGuid().ToString();

    private static string? Header(Headers? headers, string name) => NonBlank(DeadLetterHeaders.Read(headers, name));

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
