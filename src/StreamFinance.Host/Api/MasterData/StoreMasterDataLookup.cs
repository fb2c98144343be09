using StreamFinance.Contracts.MasterData;
using Streamiz.Kafka.Net.Errors;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Api.MasterData;

/// <summary>
/// <see cref="IMasterDataLookup"/> over the validation topology's RocksDB-backed global store: each call is a local
/// read (plus Avro decoding), never a Kafka round trip. A store closing under a read becomes <see cref="StoreUnavailableException"/>.
/// </summary>
public sealed class StoreMasterDataLookup(MasterDataStoreAccessor accessor) : IMasterDataLookup
{
    private readonly StoreReads reads = new(accessor);
    private MasterDataLookupCache? cache;

    /// <inheritdoc />
    /// <remarks>Repeated reads are answered from a <see cref="MasterDataLookupCache"/> that the store's writes void.</remarks>
    public MasterDataHistory? Find(string objectType, string businessKey)
    {
        // Unavailable is unavailable, remembered or not: the API answers 503 while the topology is not RUNNING.
        accessor.Store();
        return Cache() is { } remembered ? remembered.Find(objectType, businessKey, reads) : reads.Find(objectType, businessKey);
    }

    /// <inheritdoc />
    /// <remarks>Repeated scans are answered from a <see cref="MasterDataLookupCache"/> that the store's writes void.</remarks>
    public IReadOnlyList<MasterDataHistory> FindByPrefix(string objectType, string businessKeyPrefix, int limit)
    {
        accessor.Store();
        return Cache() is { } remembered
            ? remembered.FindByPrefix(objectType, businessKeyPrefix, limit, reads)
            : reads.FindByPrefix(objectType, businessKeyPrefix, limit);
    }

    // Two racing first readers may each make one; either is correct, one is kept.
    private MasterDataLookupCache? Cache() => accessor.Writes is { } writes ? cache ??= new MasterDataLookupCache(writes) : null;

    /// <summary>The reads themselves: each one a local RocksDB read and decode.</summary>
    private sealed class StoreReads(MasterDataStoreAccessor accessor) : IMasterDataLookup
    {
        public MasterDataHistory? Find(string objectType, string businessKey)
        {
            var store = accessor.Store();
            try
            {
                return store.Get(LookupKeys.Of(objectType, businessKey));
            }
            catch (InvalidStateStoreException e)
            {
                throw Unavailable(e);
            }
        }

        public IReadOnlyList<MasterDataHistory> FindByPrefix(string objectType, string businessKeyPrefix, int limit)
        {
            var store = accessor.Store();
            var (from, to) = LookupKeys.PrefixRange(objectType, businessKeyPrefix);
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
    }
}
