using StreamFinance.Contracts.MasterData;

namespace StreamFinance.Topologies.MasterData;

/// <summary>
/// What the apply step made of an update it accepted. Travels between processors of one task, never serialized.
/// </summary>
/// <param name="Update">The update as stored (for suppliers possibly with the contacts in force kept).</param>
/// <param name="History">The object's history after the update.</param>
/// <param name="IsNewVersion">False when the history already held this version (a re-delivery): nothing is emitted.</param>
/// <param name="LatestChanged">Whether the version with the latest effective date changed, i.e. the canonical record must be re-emitted.</param>
public sealed record HistoryChange(MasterDataUpdate Update, MasterDataHistory History, bool IsNewVersion, bool LatestChanged);
