using StreamFinance.Contracts.MasterData;
using Streamiz.Kafka.Net.State;
using StreamFinance.Rules.Lookups;

namespace StreamFinance.Topologies.Lookups;

/// <summary>
/// <see cref="IMasterDataLookup"/> over a GlobalKTable store of <c>md.history</c> as a processor sees it
/// (<c>context.GetStateStore(name)</c>: Streamiz hands global stores to every task, timestamped). Each call is a local
/// RocksDB read, never a Kafka round trip; the processor runs on the stream thread, so no locking is needed.
/// </summary>
public sealed class StateStoreMasterDataLookup(IKeyValueStore<string, ValueAndTimestamp<MasterDataHistory>> store) : IMasterDataLookup
{
    /// <inheritdoc />
    public MasterDataHistory? Find(string objectType, string businessKey) => store.Get(LookupKeys.Of(objectType, businessKey))?.Value;

    /// <inheritdoc />
    public IReadOnlyList<MasterDataHistory> FindByPrefix(string objectType, string businessKeyPrefix, int limit)
    {
        var (from, to) = LookupKeys.PrefixRange(objectType, businessKeyPrefix);
        var found = new List<MasterDataHistory>();
        using var range = store.Range(from, to);
        while (found.Count < limit && range.MoveNext())
            if (range.Current is { } entry && entry.Key.StartsWith(from, StringComparison.Ordinal) && entry.Value?.Value is { } history)
                found.Add(history);
        return found;
    }
}
