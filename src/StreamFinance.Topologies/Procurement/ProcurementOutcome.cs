using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Audit;

namespace StreamFinance.Topologies.Procurement;

/// <summary>
/// What one decision about one purchase order writes: a commitment, a hold or a hold's tombstone, the order's status, a
/// dead letter, and the facts of the audit trail. Each is null (or empty) when the decision writes none.
/// </summary>
/// <param name="PoNumber">The order the decision is about (the key of the hold and status topics).</param>
public sealed record ProcurementOutcome(string PoNumber)
{
    /// <summary>The commitment sent to the ERP.</summary>
    public Commitment? Commitment { get; init; }

    /// <summary>The hold written to <c>p2p.po-held</c>.</summary>
    public PurchaseOrderHold? Hold { get; init; }

    /// <summary>Whether the order's hold ends (a tombstone on <c>p2p.po-held</c>).</summary>
    public bool HoldEnds { get; init; }

    /// <summary>The order's new status.</summary>
    public StatusUpdate? Status { get; init; }

    /// <summary>A dead letter, with the headers it is written with.</summary>
    public DeadLetter? DeadLetter { get; init; }

    /// <summary>The decisions for the audit trail.</summary>
    public IReadOnlyList<AuditFact> Facts { get; init; } = [];
}
