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
    /// <inheritdoc />
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
}
