using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Suppliers;
using Streamiz.Kafka.Net.State;

namespace StreamFinance.Topologies.MasterData;

/// <summary>
/// The blocking index over the <see cref="MasterDataNames.SupplierIndexStore"/> store: which supplier objects (by business
/// key) are filed under each key. A supplier is filed under the detector's blocking keys (<c>name:</c>, <c>tax:</c>,
/// <c>bank:</c>), under <c>ref:</c> its own source reference, and under <c>ref:</c> every cross-reference it declares, so
/// that an object finds both the records it may duplicate and the records explicitly linked to it.
/// </summary>
public sealed class SupplierIndex(IKeyValueStore<string, SupplierIndexEntry> store)
{
    /// <summary>Prefix of the cross-reference keys.</summary>
    public const string ReferenceKeyPrefix = "ref:";

    /// <summary>Every key <paramref name="state"/> is filed under, ordinal order.</summary>
    public static IReadOnlySet<string> KeysOf(SupplierSourceState state)
    {
        var keys = new SortedSet<string>(SupplierDuplicateDetector.BlockingKeys(SupplierSources.MatchOf(state)), StringComparer.Ordinal)
        {
            ReferenceKey(SupplierSources.ReferenceOf(state)),
        };
        foreach (var declared in SupplierSources.DeclaredReferencesOf(state))
            keys.Add(ReferenceKey(declared));
        return keys;
    }

    /// <summary>The index key of a source reference, e.g. <c>ref:sap-s4:SUP-0002</c>.</summary>
    public static string ReferenceKey(SourceReference reference) => ReferenceKeyPrefix + reference;

    /// <summary>Files <paramref name="businessKey"/> under <paramref name="now"/> instead of <paramref name="before"/>.</summary>
    public void Refile(string businessKey, IReadOnlySet<string> before, IReadOnlySet<string> now)
    {
        foreach (var key in before.Except(now))
            Change(key, members => members.Remove(businessKey));
        foreach (var key in now.Except(before))
            Change(key, members => members.Add(businessKey));
    }

    /// <summary>The business keys filed under any of <paramref name="keys"/>, except <paramref name="self"/>, ordinal order.</summary>
    public IReadOnlyList<string> Neighbors(string self, IEnumerable<string> keys) =>
        keys.SelectMany(key => store.Get(key)?.businessKeys ?? [])
            .Where(k => !string.Equals(k, self, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    private void Change(string key, Func<SortedSet<string>, bool> change)
    {
        var members = new SortedSet<string>(store.Get(key)?.businessKeys ?? [], StringComparer.Ordinal);
        if (!change(members))
            return;
        if (members.Count == 0)
            store.Delete(key);
        else
            store.Put(key, new SupplierIndexEntry { blockingKey = key, businessKeys = members.ToList() });
    }
}
