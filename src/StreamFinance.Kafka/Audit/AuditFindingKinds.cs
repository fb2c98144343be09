namespace StreamFinance.Kafka.Audit;

/// <summary>The kinds of <see cref="AuditFinding"/>.</summary>
public static class AuditFindingKinds
{
    /// <summary>The event's content does not hash to its <c>hash</c>: it was changed after it was chained.</summary>
    public const string Edited = "EDITED";

    /// <summary>Sequence numbers are missing before the event: events of the chain were deleted (or never written).</summary>
    public const string Gap = "GAP";

    /// <summary>The event's <c>previousHash</c> is not the hash of the chain's previous event: the chain was rewritten.</summary>
    public const string Break = "BREAK";

    /// <summary>A second event with the same id and other content, or a sequence number used twice.</summary>
    public const string Conflict = "CONFLICT";

    /// <summary>An event in <c>audit.events</c> without a hash: it did not come from the audit chainer.</summary>
    public const string Unchained = "UNCHAINED";

    /// <summary>A daily chain head does not match the partition's events before it: an event of the partition was deleted, added or rewritten.</summary>
    public const string HeadMismatch = "HEAD-MISMATCH";
}
