using StreamFinance.Contracts.MasterData;

namespace StreamFinance.Topologies.MasterData;

/// <summary>
/// What the topology knows of one object type: the payload record an UPSERT must carry and where the payload keeps its
/// business key.
/// </summary>
/// <param name="Type">The object type.</param>
/// <param name="PayloadType">The generated record an UPSERT must carry, e.g. <see cref="CostCenter"/>.</param>
/// <param name="IdOf">The business key field of a payload of <see cref="PayloadType"/>, e.g. <c>costCenterId</c>.</param>
/// <param name="IdField">Name of that field, for messages.</param>
public sealed record MasterDataObjectKind(MasterDataObjectType Type, Type PayloadType, Func<object, string?> IdOf, string IdField);
