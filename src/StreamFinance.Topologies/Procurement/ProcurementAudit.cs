using System.Globalization;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Rules.Procurement;

namespace StreamFinance.Topologies.Procurement;

/// <summary>
/// The audit facts of the procurement topology's decisions, business id the PO number: committed (every commitment,
/// COMMIT, ADJUST, REVERSE or CLOSE, with the commitment as payload and its id related), held, released from a hold, and
/// a re-delivery or stale revision ignored, and the values taken from master data for an order that lacked them (enriched). Malformed orders are recorded where they are dead-lettered.
/// </summary>
public static class ProcurementAudit
{
    /// <summary>A commitment written for <paramref name="order"/>.</summary>
    public static AuditFact Committed(PurchaseOrder order, Commitment commitment, DeadLetterOrigin origin) =>
        AuditFact.About(order.envelope, AuditSteps.Committed, AuditOutcome.SUCCEEDED, order.poNumber) with
        {
            Origin = origin,
            Payload = commitment,
            RelatedIds = [commitment.commitmentId, commitment.reconciliationId!],
            Detail = new Dictionary<string, string>
            {
                ["kind"] = commitment.kind.ToString(),
                ["revision"] = commitment.revision.ToString(CultureInfo.InvariantCulture),
                ["functionalChange"] = $"{commitment.functionalChange!.amount} {commitment.functionalChange.currency}",
            },
        };

    /// <summary>
    /// The values <paramref name="assessment"/> took from master data for <paramref name="order"/> (requester, GL accounts), one
    /// detail per field with what was looked up; null when it took none.
    /// </summary>
    public static AuditFact? Enriched(PurchaseOrder order, PurchaseOrderAssessment assessment, DeadLetterOrigin origin) =>
        assessment.Enrichments.Count == 0 ? null : AuditFact.About(order.envelope, AuditSteps.Enriched, AuditOutcome.SUCCEEDED, order.poNumber) with
        {
            Reason = string.Join("; ", assessment.Enrichments.Select(e => $"{e.Field} = {e.Value} from {e.Source}")),
            Origin = origin,
            Detail = assessment.Enrichments.ToDictionary(e => e.Field, e => e.Value, StringComparer.Ordinal),
        };

    /// <summary><paramref name="order"/> held with <paramref name="hold"/>'s reason.</summary>
    public static AuditFact Held(PurchaseOrder order, PurchaseOrderHold hold, DeadLetterOrigin origin) =>
        AuditFact.About(order.envelope, AuditSteps.Held, AuditOutcome.HELD, order.poNumber) with
        {
            Reason = $"{hold.reasonCode}: {hold.message}",
            Origin = origin,
            Payload = hold,
        };

    /// <summary><paramref name="order"/> left its hold (held since <paramref name="heldSince"/>) because <paramref name="why"/>.</summary>
    public static AuditFact Released(PurchaseOrder order, DateTimeOffset heldSince, string why, DeadLetterOrigin origin) =>
        AuditFact.About(order.envelope, AuditSteps.Released, AuditOutcome.SUCCEEDED, order.poNumber) with
        {
            Reason = why,
            Origin = origin,
            Detail = new Dictionary<string, string> { ["heldSince"] = AvroTimestamps.Iso(heldSince.UtcDateTime), ["revision"] = order.revision.ToString(CultureInfo.InvariantCulture) },
        };

    /// <summary><paramref name="order"/> ignored: <paramref name="reason"/> (already decided, superseded, or the order is final).</summary>
    public static AuditFact Ignored(PurchaseOrder order, string reason, DeadLetterOrigin origin) =>
        AuditFact.About(order.envelope, AuditSteps.Deduplicated, AuditOutcome.DUPLICATE_IGNORED, order.poNumber) with
        {
            Reason = reason,
            Origin = origin,
            Payload = order,
        };
}
