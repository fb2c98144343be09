using Prometheus;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Kafka.Observability;

namespace StreamFinance.Topologies.MasterData;

/// <summary>
/// The master-data topology's business metrics, defined in the <see cref="BusinessMetrics"/> of its context (the host's
/// are served on <c>/metrics</c>):
/// <list type="bullet">
/// <item><c>streamfinance_master_data_updates_total{object_type, outcome}</c>: updates read from <c>md.updates</c>, by
/// outcome <c>applied</c> (a new version in <c>md.history</c>), <c>rejected</c> (dead-lettered) or <c>unchanged</c> (a
/// re-delivery of a version already held).</item>
/// <item><c>streamfinance_supplier_duplicate_candidates_open</c>: candidate duplicate pairs currently OPEN in
/// <c>md.supplier-duplicates</c>, as held by the one task that masters suppliers (0 on every other instance).</item>
/// </list>
/// </summary>
/// <remarks>Like every Kafka Streams counter, a batch reprocessed after a crash is counted again: these are operational signals, not reconciliation totals.</remarks>
public sealed class MasterDataMetrics
{
    /// <summary>Outcome label of an update that became a new version.</summary>
    public const string Applied = "applied";

    /// <summary>Outcome label of an update that was dead-lettered.</summary>
    public const string Rejected = "rejected";

    /// <summary>Outcome label of an update whose version was already held.</summary>
    public const string Unchanged = "unchanged";

    /// <summary>Defines the metrics in <paramref name="metrics"/>' registry.</summary>
    public MasterDataMetrics(BusinessMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        Updates = metrics.Counter(
            "master_data_updates_total",
            "Master-data updates read from md.updates, by object type and outcome (applied, rejected, unchanged).",
            "object_type", "outcome");
        DuplicateCandidatesOpen = metrics.Gauge(
            "supplier_duplicate_candidates_open",
            "Candidate duplicate supplier pairs currently OPEN in md.supplier-duplicates.");
    }

    /// <summary>The updates counter.</summary>
    public Counter Updates { get; }

    /// <summary>The open duplicate candidates gauge.</summary>
    public Gauge DuplicateCandidatesOpen { get; }

    /// <summary>Counts one update of <paramref name="type"/> with <paramref name="outcome"/>.</summary>
    public void Count(MasterDataObjectType type, string outcome) => Updates.WithLabels(type.ToString(), outcome).Inc();

    /// <summary>How many updates of <paramref name="type"/> were counted with <paramref name="outcome"/>; reading creates no series.</summary>
    public double CountOf(MasterDataObjectType type, string outcome) => Updates.ValueOrZero(type.ToString(), outcome);
}
