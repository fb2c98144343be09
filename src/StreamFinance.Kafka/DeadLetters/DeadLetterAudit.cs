using System.Text;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Audit;

namespace StreamFinance.Kafka.DeadLetters;

/// <summary>The audit fact of a dead letter, the same wherever it is written (in a topology, by a handler, by a connector).</summary>
public static class DeadLetterAudit
{
    /// <summary>
    /// Step <see cref="AuditSteps.DeadLettered"/>, outcome <c>DEAD_LETTERED</c>, reason the reason code, business id the
    /// original key (else the correlation id), origin and attempt the dead letter's; the snapshot is the dead letter
    /// (message, violations, origin; raw bytes shown by length) and the hash is of the raw value as it was kept.
    /// </summary>
    public static AuditFact FactOf(DeadLetter deadLetter)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        var businessId = deadLetter.rawKey is { Length: > 0 } key ? Encoding.UTF8.GetString(key) : deadLetter.correlationId;
        return new AuditFact(AuditSteps.DeadLettered, AuditOutcome.DEAD_LETTERED, deadLetter.correlationId, businessId)
        {
            Reason = deadLetter.reasonCode,
            Origin = DeadLetterOrigin.Of(deadLetter),
            Attempt = Math.Max(1, deadLetter.attemptCount),
            Payload = deadLetter,
            RawPayload = deadLetter.rawValue ?? [],
            Detail = new Dictionary<string, string> { ["processor"] = deadLetter.processor, ["ownerRole"] = deadLetter.ownerRole.ToString() },
        };
    }
}
