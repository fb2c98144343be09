using StreamFinance.Connectors.Generator;
using StreamFinance.Contracts.MasterData;

namespace StreamFinance.Benchmarks.ValidationApi;

/// <summary>
/// The generator's sample master data as md.history values, one version per object (what the master-data topology
/// would write for a first load), keyed <c>OBJECT_TYPE:businessKey</c> like md.updates.
/// </summary>
internal static class SampleHistories
{
    public static IEnumerable<(string Key, MasterDataHistory History)> From(SampleDataGenerator generator) =>
        generator.MasterData()
            .Where(r => r.Value is MasterDataUpdate)
            .Select(r => (MasterDataUpdate)r.Value)
            .Select(u => ($"{u.objectType}:{u.businessKey}", new MasterDataHistory
            {
                objectType = u.objectType,
                businessKey = u.businessKey,
                versions = [new MasterDataVersion { effectiveFrom = u.effectiveDate, deleted = false, update = u }],
            }));
}
