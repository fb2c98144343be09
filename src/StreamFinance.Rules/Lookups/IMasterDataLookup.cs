using StreamFinance.Contracts.MasterData;

namespace StreamFinance.Rules.Lookups;

/// <summary>
/// Read access to the effective-dated master data of <c>md.history</c>, keyed like the topic
/// (<c>OBJECT_TYPE:businessKey</c>, see <see cref="LookupKeys"/>). The validation API and the expense topology read only through this, so their
/// rules are tested against <see cref="InMemoryMasterDataLookup"/> and served from a state store (the host's store
/// look-up for the API, the topologies' <c>StateStoreMasterDataLookup</c> inside processors). Implementations are safe
/// for concurrent readers.
/// </summary>
public interface IMasterDataLookup
{
    /// <summary>Every version of one object, or null when the key has never been seen (or was compacted away).</summary>
    /// <exception cref="StoreUnavailableException">The backing store cannot be read now (restoring, stopped); retry later.</exception>
    MasterDataHistory? Find(string objectType, string businessKey);

    /// <summary>
    /// The objects of <paramref name="objectType"/> whose business key starts with <paramref name="businessKeyPrefix"/>,
    /// in ordinal key order, at most <paramref name="limit"/> of them.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The backing store cannot be read now (restoring, stopped); retry later.</exception>
    IReadOnlyList<MasterDataHistory> FindByPrefix(string objectType, string businessKeyPrefix, int limit);
}
