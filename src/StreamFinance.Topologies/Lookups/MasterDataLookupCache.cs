using System.Collections.Concurrent;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Kafka.State;
using StreamFinance.Rules.Lookups;

namespace StreamFinance.Topologies.Lookups;

/// <summary>
/// Remembers master-data reads (found or not, single objects and prefix scans) together with the store's write
/// generation, and answers from that memory only while no write has reached the store since
/// (<see cref="StoreWriteSignal"/>): never staler than the store it fronts. A store read costs RocksDB, Streamiz's
/// facades and an Avro decode; a remembered one costs a dictionary probe. Bounded: past <see cref="MaxEntries"/> it
/// starts over empty. Thread-safe.
/// </summary>
public sealed class MasterDataLookupCache(StoreWriteSignal writes, int maxEntries = MasterDataLookupCache.DefaultMaxEntries)
{
    /// <summary>Default bound: 50,000 remembered reads.</summary>
    public const int DefaultMaxEntries = 50_000;

    private readonly ConcurrentDictionary<(string ObjectType, string BusinessKey), Remembered<MasterDataHistory?>> objects = new();
    private readonly ConcurrentDictionary<(string ObjectType, string Prefix, int Limit), Remembered<IReadOnlyList<MasterDataHistory>>> scans = new();

    /// <summary>Most reads remembered (objects and scans together).</summary>
    public int MaxEntries { get; } = maxEntries > 0 ? maxEntries : throw new ArgumentOutOfRangeException(nameof(maxEntries), maxEntries, "Remember at least one read.");

    /// <summary>The object, remembered or read from <paramref name="store"/>.</summary>
    public MasterDataHistory? Find(string objectType, string businessKey, IMasterDataLookup store) =>
        Get(objects, (objectType, businessKey), store, static (s, k) => s.Find(k.Item1, k.Item2));

    /// <summary>The prefix scan, remembered or read from <paramref name="store"/>.</summary>
    public IReadOnlyList<MasterDataHistory> FindByPrefix(string objectType, string businessKeyPrefix, int limit, IMasterDataLookup store) =>
        Get(scans, (objectType, businessKeyPrefix, limit), store, static (s, k) => s.FindByPrefix(k.Item1, k.Item2, k.Item3));

    private TValue Get<TKey, TValue>(ConcurrentDictionary<TKey, Remembered<TValue>> memory, TKey key, IMasterDataLookup store, Func<IMasterDataLookup, TKey, TValue> read)
        where TKey : notnull
    {
        // Taken before the read: a write racing the read advances it past this value and so voids what is kept below.
        var generation = writes.Generation;
        if (memory.TryGetValue(key, out var remembered) && remembered.Generation == generation)
            return remembered.Value;
        var value = read(store, key);
        if (objects.Count + scans.Count >= MaxEntries)
        {
            objects.Clear();
            scans.Clear();
        }
        memory[key] = new Remembered<TValue>(value, generation);
        return value;
    }

    private sealed record Remembered<T>(T Value, long Generation);
}
