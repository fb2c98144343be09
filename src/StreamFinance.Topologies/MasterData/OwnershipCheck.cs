using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData.Ownership;

namespace StreamFinance.Topologies.MasterData;

/// <summary>Outcome of <see cref="MasterDataOwnership.Check"/>: the domain's decision and the update to apply when allowed.</summary>
/// <param name="Decision">Allowed, or refused with the problem to dead-letter.</param>
/// <param name="Accepted">The update as it will be stored: the one received, or for suppliers a copy that keeps the contacts in force (see <see cref="MasterDataOwnership"/>).</param>
public sealed record OwnershipCheck(OwnershipDecision Decision, MasterDataUpdate Accepted);
