using StreamFinance.Contracts;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData.Suppliers;

namespace StreamFinance.Topologies.MasterData;

/// <summary>
/// Supplier duplicates and survivorship, one supplier change at a time, over <see cref="SupplierStores"/>:
/// <list type="number">
/// <item>Keep the object (its own source reference is the system that created it plus its business key, fixed at first
/// sight) and refile it in the blocking index; a DELETE removes it.</item>
/// <item>Recluster the object and every member of its former cluster (<see cref="SupplierClustering"/>).</item>
/// <item>Merge each cluster with survivorship into a golden record for <c>md.suppliers</c>, keyed by golden id, written
/// only when its content changed; golden ids no longer in use get a tombstone.</item>
/// <item>Score each reclustered object against the objects sharing a blocking key; pairs at or above the candidate
/// threshold go to <c>md.supplier-duplicates</c> (MERGED when both are in one cluster, else OPEN) when new or when their
/// score or status changed; a pair that drops below the threshold, or loses an object, gets a tombstone.</item>
/// </list>
/// Keeps <see cref="MasterDataMetrics.DuplicateCandidatesOpen"/> equal to the OPEN pairs in the pairs store.
/// </summary>
public sealed class SupplierMastering
{
    private readonly SupplierStores stores;
    private readonly SupplierMasteringRules rules;
    private readonly SupplierIndex index;
    private readonly SupplierClustering clustering;
    private readonly MasterDataMetrics metrics;
    private bool openCounted;

    /// <summary>Mastering over <paramref name="stores"/> with <paramref name="rules"/>, keeping the gauge of <paramref name="metrics"/>.</summary>
    public SupplierMastering(SupplierStores stores, SupplierMasteringRules rules, MasterDataMetrics metrics)
    {
        this.stores = stores;
        this.rules = rules;
        this.metrics = metrics;
        index = new SupplierIndex(stores.Index);
        clustering = new SupplierClustering(stores.Sources, index, rules.Detector, rules.AutoMergeThreshold);
    }

    /// <summary>The records to emit for the accepted supplier change <paramref name="update"/> (the latest version of its object).</summary>
    public IReadOnlyList<SupplierOutput> Apply(MasterDataUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        CountOpenPairsOnce();
        var key = update.businessKey;
        var previous = stores.Sources.Get(key);
        var previousKeys = previous is null ? new SortedSet<string>() : SupplierIndex.KeysOf(previous);
        var formerNeighbors = index.Neighbors(key, previousKeys);
        var reclustered = new SortedSet<string>(StringComparer.Ordinal);
        var formerGoldenIds = new HashSet<string>(StringComparer.Ordinal);
        if (previous?.goldenId is { } formerGolden)
        {
            formerGoldenIds.Add(formerGolden);
            reclustered.UnionWith(MembersOf(formerGolden));
        }

        if (update.operation == MasterDataOperation.DELETE || update.payload is not Supplier supplier)
        {
            if (previous is null)
                return [];
            index.Refile(key, previousKeys, new SortedSet<string>());
            stores.Sources.Delete(key);
            reclustered.Remove(key);
        }
        else
        {
            var state = new SupplierSourceState
            {
                source = previous?.source ?? new SupplierSourceReference { sourceSystem = update.envelope.sourceSystem, sourceId = key },
                supplier = supplier,
                goldenId = previous?.goldenId,
            };
            index.Refile(key, previousKeys, SupplierIndex.KeysOf(state));
            stores.Sources.Put(key, state);
            reclustered.Add(key);
        }

        var clusters = clustering.ClustersOf(reclustered);
        var outputs = new List<SupplierOutput>();
        PublishGoldenRecords(clusters, formerGoldenIds, outputs);
        PublishPairs(clusters, key, previous, formerNeighbors, outputs);
        return outputs;
    }

    /// <summary>Sets the open-candidates gauge to zero: this instance no longer masters suppliers.</summary>
    public void Release() => metrics.DuplicateCandidatesOpen.Set(0);

    private IEnumerable<string> MembersOf(string goldenId) =>
        stores.Golden.Get(goldenId)?.sourceReferences?.Select(r => r.sourceId) ?? [];

    private void PublishGoldenRecords(IReadOnlyList<IReadOnlyList<string>> clusters, HashSet<string> formerGoldenIds, List<SupplierOutput> outputs)
    {
        var now = rules.Clock.GetUtcNow().UtcDateTime;
        var current = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cluster in clusters)
        {
            var members = cluster.Select(k => stores.Sources.Get(k)).ToList();
            var golden = rules.Survivorship.Merge(members.Select(SupplierSources.SourceRecordOf));
            current.Add(golden.GoldenId);
            var record = GoldenSupplierFactory.From(golden, members, now);
            if (stores.Golden.Get(golden.GoldenId) is not { } published || !AvroContent.SameContent(published, record))
            {
                stores.Golden.Put(golden.GoldenId, record);
                outputs.Add(SupplierOutput.ForGolden(golden.GoldenId, record));
            }
            foreach (var member in members.Where(m => m.goldenId != golden.GoldenId))
            {
                if (member.goldenId is not null)
                    formerGoldenIds.Add(member.goldenId);
                member.goldenId = golden.GoldenId;
                stores.Sources.Put(member.source.sourceId, member);
            }
        }
        foreach (var retired in formerGoldenIds.Except(current).Order(StringComparer.Ordinal))
        {
            if (stores.Golden.Get(retired) is null)
                continue;
            stores.Golden.Delete(retired);
            outputs.Add(SupplierOutput.ForGolden(retired, null));
        }
    }

    private void PublishPairs(
        IReadOnlyList<IReadOnlyList<string>> clusters, string changedKey, SupplierSourceState? previous, IReadOnlyList<string> formerNeighbors,
        List<SupplierOutput> outputs)
    {
        var clusterOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < clusters.Count; i++)
            foreach (var member in clusters[i])
                clusterOf[member] = i;

        var done = new HashSet<string>(StringComparer.Ordinal);
        if (previous is not null && !clusterOf.ContainsKey(changedKey))
            foreach (var neighbor in formerNeighbors.Select(stores.Sources.Get).OfType<SupplierSourceState>())
                Withdraw(SupplierDuplicateDetector.PairIdOf(SupplierSources.ReferenceOf(previous), SupplierSources.ReferenceOf(neighbor)), done, outputs);

        foreach (var key in clusterOf.Keys.Order(StringComparer.Ordinal))
        {
            var subject = stores.Sources.Get(key)!;
            var neighbors = index.Neighbors(key, SupplierIndex.KeysOf(subject));
            if (key == changedKey)
                neighbors = neighbors.Union(formerNeighbors, StringComparer.Ordinal).ToList();
            var others = neighbors.Select(stores.Sources.Get).OfType<SupplierSourceState>().ToList();
            var candidates = rules.Detector.FindCandidates(SupplierSources.MatchOf(subject), others.Select(SupplierSources.MatchOf))
                .ToDictionary(p => p.PairId, StringComparer.Ordinal);
            foreach (var other in others)
            {
                var pairId = SupplierDuplicateDetector.PairIdOf(SupplierSources.ReferenceOf(subject), SupplierSources.ReferenceOf(other));
                if (!candidates.TryGetValue(pairId, out var pair))
                {
                    Withdraw(pairId, done, outputs);
                    continue;
                }
                if (!done.Add(pairId))
                    continue;
                var merged = clusterOf.TryGetValue(other.source.sourceId, out var otherCluster) && otherCluster == clusterOf[key];
                Publish(pair, subject, other, merged ? DuplicateCandidateStatus.MERGED : DuplicateCandidateStatus.OPEN, outputs);
            }
        }
    }

    private void Publish(SupplierDuplicatePair pair, SupplierSourceState a, SupplierSourceState b, DuplicateCandidateStatus status, List<SupplierOutput> outputs)
    {
        var published = stores.Pairs.Get(pair.PairId);
        if (published is not null && published.status == status && AvroDecimals.ToDecimal(published.score) == DuplicateCandidateFactory.Score(pair))
            return;
        var (first, second) = SupplierSources.ReferenceOf(a) == pair.First ? (a, b) : (b, a);
        var candidate = DuplicateCandidateFactory.From(pair, first, second, status, published?.detectedAt ?? rules.Clock.GetUtcNow().UtcDateTime);
        stores.Pairs.Put(pair.PairId, candidate);
        AdjustOpen(published, candidate);
        outputs.Add(SupplierOutput.ForCandidate(pair.PairId, candidate));
    }

    private void Withdraw(string pairId, HashSet<string> done, List<SupplierOutput> outputs)
    {
        if (!done.Add(pairId) || stores.Pairs.Get(pairId) is not { } published)
            return;
        stores.Pairs.Delete(pairId);
        AdjustOpen(published, null);
        outputs.Add(SupplierOutput.ForCandidate(pairId, null));
    }

    private void AdjustOpen(SupplierDuplicateCandidate? before, SupplierDuplicateCandidate? after)
    {
        var delta = (after?.status == DuplicateCandidateStatus.OPEN ? 1 : 0) - (before?.status == DuplicateCandidateStatus.OPEN ? 1 : 0);
        if (delta > 0)
            metrics.DuplicateCandidatesOpen.Inc(delta);
        else if (delta < 0)
            metrics.DuplicateCandidatesOpen.Dec(-delta);
    }

    /// <summary>The gauge starts from the pairs store (restored after a restart or a task move), then follows every change.</summary>
    private void CountOpenPairsOnce()
    {
        if (openCounted)
            return;
        openCounted = true;
        using var all = stores.Pairs.All().GetEnumerator();
        var open = 0;
        while (all.MoveNext())
            if (all.Current.Value?.status == DuplicateCandidateStatus.OPEN)
                open++;
        metrics.DuplicateCandidatesOpen.Set(open);
    }
}
