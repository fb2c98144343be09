using StreamFinance.Rules.Lookups;
namespace StreamFinance.Topologies.Lookups;

/// <summary>An <see cref="IMasterDataLookup"/> that answers repeated reads of <paramref name="inner"/> from <paramref name="cache"/>.</summary>
public sealed class CachedMasterDataLookup(IMasterDataLookup inner, MasterDataLookupCache cache) : IMasterDataLookup
{
    /// <inheritdoc />
    public Contracts.MasterData.MasterDataHistory? Find(string objectType, string businessKey) =>
        cache.Find(objectType, businessKey, inner);

    /// <inheritdoc />
    public IReadOnlyList<Contracts.MasterData.MasterDataHistory> FindByPrefix(string objectType, string businessKeyPrefix, int limit) =>
        cache.FindByPrefix(objectType, businessKeyPrefix, limit, inner);
}
