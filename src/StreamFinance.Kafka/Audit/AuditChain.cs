using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Kafka.Audit;

/// <summary>
/// Chaining, pure: an unchained event becomes the next link of its correlation id's chain (sequence, previous hash,
/// the time it was chained, its own hash), unless the chain already holds it (a repeat, dropped). The audit chainer
/// applies it in partition order; <c>audit verify</c> checks what it produced.
/// </summary>
public static class AuditChain
{
    /// <summary>Component name of the chainer, written into the daily chain heads.</summary>
    public const string Component = "audit";

    /// <summary>Prefix of the correlation id of a partition's chain heads: <c>audit-chain-head/&lt;partition&gt;</c>.</summary>
    public const string HeadCorrelationPrefix = "audit-chain-head/";

    /// <summary>
    /// <paramref name="emitted"/> chained after <paramref name="last"/> (<see cref="AuditChainLink.Start"/> for a new
    /// chain) at <paramref name="chainedAt"/>, and the new end of the chain; null when the chain already holds the event.
    /// <paramref name="emitted"/> is changed in place.
    /// </summary>
    public static (AuditEvent Chained, AuditChainLink Next)? Append(AuditChainLink last, AuditEvent emitted, DateTime chainedAt)
    {
        ArgumentNullException.ThrowIfNull(last);
        ArgumentNullException.ThrowIfNull(emitted);
        if (last.Holds(emitted.eventId))
            return null;
        emitted.sequence = last.Sequence + 1;
        emitted.previousHash = last.Sequence == 0 ? null : last.Hash;
        emitted.chainedAt = chainedAt;
        emitted.hash = null;
        emitted.hash = AuditEventHash.Compute(emitted);
        return (emitted, last.Then(emitted.eventId, emitted.hash));
    }

    /// <summary>The running hash of a partition after <paramref name="eventHash"/>: SHA-256 of the previous running hash and the event's hash.</summary>
    public static string Fold(string running, string eventHash) =>
        AuditPayload.Sha256(System.Text.Encoding.ASCII.GetBytes(running + ":" + eventHash));

    /// <summary>Whether <paramref name="audit"/> is a partition's daily chain head rather than a decision.</summary>
    public static bool IsHead(AuditEvent audit) => audit.step == AuditSteps.ChainHead && audit.correlationId.StartsWith(HeadCorrelationPrefix, StringComparison.Ordinal);
}
