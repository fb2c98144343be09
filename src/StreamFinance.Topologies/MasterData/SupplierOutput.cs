using StreamFinance.Contracts.MasterData;

namespace StreamFinance.Topologies.MasterData;

/// <summary>
/// One record the supplier mastering step emits: a golden supplier for <c>md.suppliers</c> or a duplicate candidate for
/// <c>md.supplier-duplicates</c>, either possibly a tombstone (null). Travels between processors of one task, never serialized.
/// </summary>
public sealed record SupplierOutput
{
    private SupplierOutput(string key, bool isGolden, Supplier? golden, SupplierDuplicateCandidate? candidate)
    {
        Key = key;
        IsGolden = isGolden;
        Golden = golden;
        Candidate = candidate;
    }

    /// <summary>Golden id (for a golden record) or pair id (for a candidate).</summary>
    public string Key { get; }

    /// <summary>True for <c>md.suppliers</c>, false for <c>md.supplier-duplicates</c>.</summary>
    public bool IsGolden { get; }

    /// <summary>The golden record; null for a retired golden id (tombstone) or for a candidate.</summary>
    public Supplier? Golden { get; }

    /// <summary>The candidate; null for a withdrawn pair (tombstone) or for a golden record.</summary>
    public SupplierDuplicateCandidate? Candidate { get; }

    /// <summary>A golden record, or with null a tombstone for a golden id no longer in use.</summary>
    public static SupplierOutput ForGolden(string goldenId, Supplier? golden) => new(goldenId, true, golden, null);

    /// <summary>A candidate pair, or with null a tombstone for a pair that no longer scores at the threshold.</summary>
    public static SupplierOutput ForCandidate(string pairId, SupplierDuplicateCandidate? candidate) => new(pairId, false, null, candidate);
}
