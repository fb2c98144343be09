using Prometheus;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Kafka.Observability;

namespace StreamFinance.Topologies.MasterData;

/// <summary>
/// The master-data topology's business metrics (<see cref="BusinessMetrics"/>, prometheus-net's default registry, served by
/// the host on <c>/metrics</c>):
/// <list type="bullet">
/// <item><c>streamfinance_master_data_updates_total{object_type, outcome}</c>: updates read from <c>md.updates</c>, by
/// outcome <c>applied</c> (a new version in <c>md.history</c>), <c>rejected</c> (dead-lettered) or <c>unchanged</c> (a
/// re-delivery of a version already held).</item>
/// <item><c>streamfinance_supplier_duplicate_candidates_open</c>: candidate duplicate pairs currently OPEN in
/// <c>md.supplier-duplicates</c>, as held by the one task that masters suppliers (0 on every other instance).</item>
/// </list>
/// </summary>
/// <remarks>Like every Kafka Streams counter, a batch reprocessed after a crash is counted again: these are operational signals, not reconciliation totals.</remarks>
public static class MasterDataMetrics
{
    /// <summary>Outcome label of an update that became a new version.</summary>
    public const string Applied = "applied";

    /// <summary>Outcome label of an update that was dead-lettered.</summary>
    public const string Rejected = "rejected";

    /// <summary>Outcome label of an update whose version was already held.</summary>
    public const string Unchanged = "unchanged";

    /// <summary>The updates counter.</summary>
    public static Counter Updates { get; } = BusinessMetrics.Counter(
        "master_data_updates_total",
        "Master-data updates read from md.updates, by object type and outcome (applied, rejected, unchanged).",
        "object_type", "outcome");

    /// <summary>The open duplicate candidates gauge.</summary>
    public static Gauge DuplicateCandidatesOpen { get; } = BusinessMetrics.Gauge(
        "supplier_duplicate_candidates_open",
        "Candidate duplicate supplier pairs currently OPEN in md.supplier-duplicates.");

    /// <summary>Counts one update of <paramref name="type"/> with <paramref name="outcome"/>.</summary>
    public static void Count(MasterDataObjectType type, string outcome) => Updates.WithLabels(type.ToString(), outcome).Inc();

    /// <summary>How many updates of <paramref name="type"/> were counted with <paramref name="outcome"/>; reading creates no series.</summary>
    public static double CountOf(MasterDataObjectType type, string outcome)
    {
        string[] labels = [type.ToString(), outcome];
        return Updates.GetAllLabelValues().Any(values => values.SequenceEqual(labels)) ? Updates.WithLabels(labels).Value : 0;
    }
}
