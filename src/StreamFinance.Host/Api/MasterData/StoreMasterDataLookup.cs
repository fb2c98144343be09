using System.Collections.Concurrent;
using StreamFinance.Topologies.State;
using StreamFinance.Contracts.MasterData;
using Streamiz.Kafka.Net.Errors;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Api.MasterData;

/// <summary>
/// <see cref="IMasterDataLookup"/> over the validation topology's RocksDB-backed global store: each call is a local
/// read (plus Avro decoding), never a Kafka round trip. A store closing under a read becomes <see cref="StoreUnavailableException"/>.
/// </summary>
public sealed class StoreMasterDataLookup(MasterDataStoreAccessor accessor) : IMasterDataLookup
{
    /// <summary>Most objects whose look-up is remembered; past it the memory starts over empty. 50,000.</summary>
    public const int MaxCachedObjects = 50_000;

    private readonly ConcurrentDictionary<(string ObjectType, string BusinessKey), CachedHistory> cache = new();

    /// <inheritdoc />
    /// <remarks>
    /// Remembers what it read (found or not) together with the store's write generation, and answers from that memory
    /// only while no write has reached the store since (<see cref="StoreWriteSignal"/>): never staler than the store.
    /// A read from the store costs RocksDB, Streamiz's facades and a timestamp strip in copies of the value; a remembered
    /// one costs a dictionary probe.
    /// </remarks>
    public MasterDataHistory? Find(string objectType, string businessKey)
    {
        var store = accessor.Store();
        var writes = accessor.Writes;
        // Taken before the read: a write racing the read advances it past this value and so voids what is cached below.
        var generation = writes?.Generation ?? 0;
        if (writes is not null && cache.TryGetValue((objectType, businessKey), out var cached) && cached.Generation == generation)
            return cached.History;
        MasterDataHistory? history;
        try
        {
            history = store.Get(LookupKeys.Of(objectType, businessKey));
        }
        catch (InvalidStateStoreException e)
        {
            throw Unavailable(e);
        }
        if (writes is not null)
        {
            if (cache.Count >= MaxCachedObjects)
                cache.Clear();
            cache[(objectType, businessKey)] = new CachedHistory(history, generation);
        }
        return history;
    }

    /// <inheritdoc />
    public IReadOnlyList<MasterDataHistory> FindByPrefix(string objectType, string businessKeyPrefix, int limit)
    {
        var store = accessor.Store();
        var from = LookupKeys.Of(objectType, businessKeyPrefix);
        // Keys are UTF-8 and RocksDB orders bytes, so every key with the prefix sorts between it and prefix + U+FFFF.
        var to = from + '\uffff';
        var found = new List<MasterDataHistory>();
        try
        {
            using var range = store.Range(from, to);
            while (found.Count < limit && range.MoveNext())
                if (range.Current is { } entry && entry.Key.StartsWith(from, StringComparison.Ordinal) && entry.Value is not null)
                    found.Add(entry.Value);
        }
        catch (InvalidStateStoreException e)
        {
            throw Unavailable(e);
        }
        return found;
    }

    private StoreUnavailableException Unavailable(Exception e) => new(accessor.StoreName, accessor.TopologyName, "store closed during the read", e);

    private sealed record CachedHistory(MasterDataHistory? History, long Generation);
}
