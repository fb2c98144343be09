using Prometheus;
using StreamFinance.Kafka.Observability;

namespace StreamFinance.Topologies.Procurement;

/// <summary>
/// The procurement topology's business metrics, defined in the <see cref="BusinessMetrics"/> of its context (the host's
/// are served on <c>/metrics</c>):
/// <list type="bullet">
/// <item><c>streamfinance_procurement_commitments_total{kind}</c>: commitments written, by kind COMMIT, ADJUST (posted),
/// REVERSE, CLOSE (reversed or released).</item>
/// <item><c>streamfinance_purchase_orders_held_total{reason}</c>: holds written to <c>p2p.po-held</c>, by reason code
/// (a hold whose reason changes is counted again).</item>
/// </list>
/// Orders held now, per instance: <c>streamfinance_records_held{hold="procurement.holds"}</c> (the platform's hold gauge).
/// </summary>
/// <remarks>Operational signals: a batch reprocessed after a crash is counted again.</remarks>
public sealed class ProcurementMetrics
{
    private readonly Counter commitments;
    private readonly Counter holds;

    /// <summary>Defines the metrics in <paramref name="metrics"/>.</summary>
    public ProcurementMetrics(BusinessMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        commitments = metrics.Counter("procurement_commitments_total", "Commitments written to erp.commitments, by kind: COMMIT, ADJUST, REVERSE, CLOSE.", "kind");
        holds = metrics.Counter("purchase_orders_held_total", "Holds written to p2p.po-held, by reason code.", "reason");
    }

    /// <summary>Counts a commitment of <paramref name="kind"/>.</summary>
    public void Committed(string kind) => commitments.WithLabels(kind).Inc();

    /// <summary>Counts a hold for <paramref name="reason"/>.</summary>
    public void Held(string reason) => holds.WithLabels(reason).Inc();

    /// <summary>Commitments of <paramref name="kind"/> counted so far.</summary>
    public double Commitments(string kind) => commitments.ValueOrZero(kind);

    /// <summary>Holds for <paramref name="reason"/> counted so far.</summary>
    public double Holds(string reason) => holds.ValueOrZero(reason);
}
