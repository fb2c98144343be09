using StreamFinance.Contracts.MasterData;

namespace StreamFinance.Rules.Lookups;

/// <summary>
/// <see cref="IMasterDataLookup"/> over a dictionary, for unit tests of the validation rules and for micro-benchmarks.
/// Holds what it is given; <see cref="Put"/> replaces an object's history like a compacted topic does. Thread-safe.
/// </summary>
public sealed class InMemoryMasterDataLookup : IMasterDataLookup
{
    private readonly object gate = new();
    private readonly SortedDictionary<string, MasterDataHistory> histories = new(StringComparer.Ordinal);

    /// <summary>Stores (or replaces) the history under <c>objectType:businessKey</c>; returns this for chaining.</summary>
    public InMemoryMasterDataLookup Put(MasterDataHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        lock (gate)
            histories[LookupKeys.Of(history.objectType.ToString(), history.businessKey)] = history;
        return this;
    }

    /// <inheritdoc />
    public MasterDataHistory? Find(string objectType, string businessKey)
    {
        lock (gate)
            return histories.GetValueOrDefault(LookupKeys.Of(objectType, businessKey));
    }

    /// <inheritdoc />
    public IReadOnlyList<MasterDataHistory> FindByPrefix(string objectType, string businessKeyPrefix, int limit)
    {
        var prefix = LookupKeys.Of(objectType, businessKeyPrefix);
        lock (gate)
            return histories.Where(h => h.Key.StartsWith(prefix, StringComparison.Ordinal)).Take(limit).Select(h => h.Value).ToList();
    }
}
