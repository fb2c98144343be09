using Prometheus;
using StreamFinance.Kafka.Observability;

namespace StreamFinance.Topologies.Procurement;

/// <summary>
/// The procurement topology's business metrics, defined in the <see cref="BusinessMetrics"/> of its context (the host's
/// are served on <c>/metrics</c>):
/// <list type="bullet">
/// <item><c>streamfinance_procurement_commitments_total{kind}</c>: commitments written, by kind COMMIT, ADJUST (posted),
/// REVERSE, CLOSE (reversed or released).</item>
/// <item><c>streamfinance_purchase_order_holds_total{reason}</c>: holds written to <c>p2p.po-held</c>, by reason code
/// (a hold whose reason changes is counted again).</item>
/// <item><c>streamfinance_purchase_orders_awaiting_commitment{entity}</c>: approved orders held now, not committed at their
/// latest revision, per legal entity (gauge, per instance).</item>
/// <item><c>streamfinance_purchase_orders_held{reason}</c> and <c>streamfinance_purchase_orders_held_amount{reason,currency}</c>:
/// orders held now by the reason code that decides their hold, and the sum of their order totals (gauges, per instance).</item>
/// <item><c>streamfinance_purchase_order_approval_to_commitment_seconds{entity}</c>: from an order revision's approval
/// (<c>approvedAt</c>, else the source's event time of the revision: the Coupa and X12 850 profiles send no approval
/// time) to its commitment (histogram).</item>
/// </list>
/// The gauges are set from the tasks' hold stores (<see cref="HeldTally"/>, counted by <see cref="ProcurementDecider"/>) every <c>Procurement:HoldCheckInterval</c>
/// after a change, so they survive restarts and rebalances.
/// </summary>
/// <remarks>Operational signals: a batch reprocessed after a crash is counted again by the counters and the histogram.</remarks>
public sealed class ProcurementMetrics
{
    /// <summary>Buckets of the approval-to-commitment histogram, in seconds: one second to a week.</summary>
    public static readonly double[] AgeBuckets = [1, 5, 30, 60, 300, 900, 3_600, 14_400, 86_400, 259_200, 604_800];

    private readonly Counter commitments;
    private readonly Counter holds;
    private readonly Gauge awaiting;
    private readonly Gauge heldByReason;
    private readonly Gauge heldAmount;
    private readonly Histogram approvalToCommitment;

    /// <summary>Defines the metrics in <paramref name="metrics"/>.</summary>
    public ProcurementMetrics(BusinessMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        commitments = metrics.Counter("procurement_commitments_total", "Commitments written to erp.commitments, by kind: COMMIT, ADJUST (posted), REVERSE, CLOSE (reversed or released).", "kind");
        holds = metrics.Counter("purchase_order_holds_total", "Holds written to p2p.po-held, by reason code.", "reason");
        awaiting = metrics.Gauge("purchase_orders_awaiting_commitment", "Approved purchase orders held now, not committed at their latest revision, per legal entity (per instance).", "entity");
        heldByReason = metrics.Gauge("purchase_orders_held", "Purchase orders held now, by the reason code that decides the hold (per instance).", "reason");
        heldAmount = metrics.Gauge("purchase_orders_held_amount", "Sum of the order totals of the purchase orders held now, by reason code and order currency (per instance).", "reason", "currency");
        approvalToCommitment = metrics.Histogram("purchase_order_approval_to_commitment_seconds",
            "Seconds from a purchase order revision's approval to its commitment, per legal entity.", AgeBuckets, "entity");
    }

    /// <summary>Counts a commitment of <paramref name="kind"/>.</summary>
    public void Committed(string kind) => commitments.WithLabels(kind).Inc();

    /// <summary>Counts a hold for <paramref name="reason"/>.</summary>
    public void Held(string reason) => holds.WithLabels(reason).Inc();

    /// <summary>Observes an order of <paramref name="entity"/> committed <paramref name="age"/> after its approval (a negative age, from clock skew, counts as zero).</summary>
    public void CommittedAfter(string entity, TimeSpan age) => approvalToCommitment.WithLabels(entity).Observe(Math.Max(0d, age.TotalSeconds));

    /// <summary>Moves the held-now gauges from <paramref name="before"/> to <paramref name="after"/> (one task's tallies).</summary>
    public void Moved(HeldTally before, HeldTally after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        foreach (var entity in before.ByEntity.Keys.Union(after.ByEntity.Keys))
            Move(awaiting.WithLabels(entity), after.ByEntity.GetValueOrDefault(entity) - before.ByEntity.GetValueOrDefault(entity));
        foreach (var reason in before.ByReason.Keys.Union(after.ByReason.Keys))
            Move(heldByReason.WithLabels(reason), after.ByReason.GetValueOrDefault(reason) - before.ByReason.GetValueOrDefault(reason));
        foreach (var key in before.Amounts.Keys.Union(after.Amounts.Keys))
            Move(heldAmount.WithLabels(key.Reason, key.Currency), (double)(after.Amounts.GetValueOrDefault(key) - before.Amounts.GetValueOrDefault(key)));
    }

    private static void Move(Gauge.Child gauge, double delta)
    {
        if (delta >= 0)
            gauge.Inc(delta);
        else
            gauge.Dec(-delta);
    }

    /// <summary>Commitments of <paramref name="kind"/> counted so far.</summary>
    public double Commitments(string kind) => commitments.ValueOrZero(kind);

    /// <summary>Holds for <paramref name="reason"/> counted so far.</summary>
    public double Holds(string reason) => holds.ValueOrZero(reason);

    /// <summary>Orders of <paramref name="entity"/> awaiting commitment now.</summary>
    public double Awaiting(string entity) => awaiting.ValueOrZero(entity);

    /// <summary>Orders held now for <paramref name="reason"/>.</summary>
    public double HeldNow(string reason) => heldByReason.ValueOrZero(reason);

    /// <summary>Order totals held now for <paramref name="reason"/> in <paramref name="currency"/>.</summary>
    public double HeldAmount(string reason, string currency) => heldAmount.ValueOrZero(reason, currency);

    /// <summary>Commitments of <paramref name="entity"/> observed by the approval-to-commitment histogram.</summary>
    public long CommittedAfterCount(string entity) => approvalToCommitment.WithLabels(entity).Count;
}
