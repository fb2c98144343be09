namespace StreamFinance.Kafka.Audit;

/// <summary>
/// The decisions the audit trail records, one word each, as they appear in <c>AuditEvent.step</c>. The flows that
/// exist emit the first group; the procurement, match, ERP sink and onboarding flows emit the second as they land.
/// </summary>
public static class AuditSteps
{
    /// <summary>A connector read a source record (origin file and line, or endpoint and record number).</summary>
    public const string Ingested = "ingested";

    /// <summary>A connector mapped the record to its canonical form with a profile (<c>name@version</c>) and Kafka stored it.</summary>
    public const string Mapped = "mapped";

    /// <summary>A record went to a dead-letter topic (reason code in <c>reason</c>).</summary>
    public const string DeadLettered = "dead-lettered";

    /// <summary>A re-delivery was recognised by its idempotency key and had no effect.</summary>
    public const string Deduplicated = "deduplicated";

    /// <summary>A record started to wait (for master data, for the line that documents a card charge, for a report line).</summary>
    public const string Held = "held";

    /// <summary>A waiting record left its wait and was decided.</summary>
    public const string Released = "released";

    /// <summary>An expense line passed every rule and was enriched (<c>expense.approved</c>).</summary>
    public const string Approved = "approved";

    /// <summary>One side of a card purchase was merged into the side that posts it, instead of posting twice.</summary>
    public const string Merged = "merged";

    /// <summary>An expense went into a balanced journal (reconciliation id in <c>relatedIds</c>).</summary>
    public const string Posted = "posted";

    /// <summary>A master-data update became a new version of its object's history.</summary>
    public const string Applied = "applied";

    /// <summary>A dead letter was re-submitted to its origin topic by <c>dlq replay</c>.</summary>
    public const string Replayed = "replayed";

    /// <summary>The audit chainer's daily head of one partition of <c>audit.events</c> (not a decision about a transaction).</summary>
    public const string ChainHead = "chain-head";

    /// <summary>Planned (procurement, issue 16): a purchase order released from its hold.</summary>
    public const string Committed = "committed";

    /// <summary>Procurement: values a purchase order lacked taken from master data (requester from the buyer's cross-reference, GL accounts from item categories), one fact per decision that used them.</summary>
    public const string Enriched = "enriched";

    /// <summary>Planned (three-way match, issue 17): an invoice matched to its order and receipt.</summary>
    public const string Matched = "matched";

    /// <summary>Planned (ERP sink, issue 18): a posting sent to the ERP. Not emitted: the <see cref="Confirmed"/> or <see cref="Rejected"/> event records the call with its answer.</summary>
    public const string Sent = "sent";

    /// <summary>An ERP sink recorded the ERP's confirmation of a posting (document number in <c>relatedIds</c>, the call in <c>detail</c>).</summary>
    public const string Confirmed = "confirmed";

    /// <summary>An ERP sink recorded the ERP's rejection of a posting (reason <c>ERP_REJECTED</c>; its dead letter is audited as <see cref="DeadLettered"/>).</summary>
    public const string Rejected = "rejected";

    /// <summary>Planned (workbench): a person resolved an exception.</summary>
    public const string Resolved = "resolved";
}
