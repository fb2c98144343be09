using StreamFinance.Contracts.Outputs;
namespace StreamFinance.Kafka.DeadLetters;

/// <summary>
/// Why a record is dead-lettered: a reason code and a message for a person, plus what is known about the record's
/// identity. Everything but <see cref="Reason"/> and <see cref="Message"/> is optional; missing correlation and
/// idempotency ids are taken from the record's headers by <see cref="DeadLetterFactory"/>.
/// </summary>
/// <param name="Reason">The stable reason code; it decides the owner role.</param>
/// <param name="Message">What failed, on which record, and what to do, for the owner. Name the business ids involved.</param>
public sealed record Failure(ReasonCode Reason, string Message)
{
    /// <summary>The exception behind a technical failure; null for a business-rule rejection (default).</summary>
    public Exception? Exception { get; init; }

    /// <summary>Correlation id of the record when the caller knows it (for example from its envelope). Default: from the headers.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Idempotency key of the record when the caller knows it. Default: from the headers, else none.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Mapping profile <c>name@version</c> that was applied, for connector failures. Default none.</summary>
    public string? MappingProfile { get; init; }

    /// <summary>
    /// Every business rule the record breaks, in precedence order, written to the dead letter's <c>violations</c>; the
    /// first should be <see cref="Reason"/>. Default empty (a technical failure, or a rule that reports only its reason).
    /// </summary>
    public IReadOnlyList<RuleViolation> Violations { get; init; } = [];

    /// <summary>Processing attempts including replays, 1 (default) for the first failure.</summary>
    public int AttemptCount { get; init; } = 1;

    /// <summary>When it failed, when the caller decided it (a redo repeats its first decision's time). Default: now on the factory's clock.</summary>
    public DateTimeOffset? FailedAt { get; init; }
}
