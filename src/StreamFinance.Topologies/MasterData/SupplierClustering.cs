using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData.Suppliers;
using Streamiz.Kafka.Net.State;

namespace StreamFinance.Topologies.MasterData;

/// <summary>
/// Groups supplier objects into clusters, each one real supplier with one golden record: two objects are in one cluster
/// when a chain of links joins them, a link being a pair scoring at least the auto-merge threshold or an explicit
/// cross-reference (either object naming the other in <c>sourceReferences</c>). Links are found through the blocking index,
/// so objects that share no blocking key and no reference are never linked.
/// </summary>
public sealed class SupplierClustering(
    IKeyValueStore<string, SupplierSourceState> sources, SupplierIndex index, SupplierDuplicateDetector detector, double autoMergeThreshold)
{
    /// <summary>
    /// The clusters of the objects in <paramref name="businessKeys"/> (objects no longer stored are skipped), each as
    /// its members' business keys in ordinal order; every object belongs to exactly one returned cluster.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> ClustersOf(IEnumerable<string> businessKeys)
    {
        var assigned = new HashSet<string>(StringComparer.Ordinal);
        var clusters = new List<IReadOnlyList<string>>();
        foreach (var start in businessKeys.Order(StringComparer.Ordinal))
        {
            if (assigned.Contains(start) || sources.Get(start) is null)
                continue;
            var cluster = Explore(start);
            assigned.UnionWith(cluster);
            clusters.Add(cluster);
        }
        return clusters;
    }

    private List<string> Explore(string start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var current))
        {
            var state = sources.Get(current)!;
            foreach (var neighbor in index.Neighbors(current, SupplierIndex.KeysOf(state)))
            {
                if (seen.Contains(neighbor) || sources.Get(neighbor) is not { } other)
                    continue;
                if (SupplierSources.ExplicitlyLinked(state, other)
                    || detector.Score(SupplierSources.MatchOf(state), SupplierSources.MatchOf(other)).Score >= autoMergeThreshold)
                {
                    seen.Add(neighbor);
                    queue.Enqueue(neighbor);
                }
            }
        }
        return seen.Order(StringComparer.Ordinal).ToList();
    }
}
