namespace StreamFinance.Domain.MasterData.Validation;

/// <summary>
/// Why a master-data update cannot be applied. Each code has a stable dead-letter reason code
/// (<see cref="MasterDataInputProblem.ReasonCode"/>); all of them are for integration support to fix at the source.
/// </summary>
public enum MasterDataProblemCode
{
    /// <summary>The object type is not one of <see cref="MasterDataObjectTypes.All"/>. Reason code <c>UNKNOWN_OBJECT_TYPE</c>.</summary>
    UnknownObjectType,

    /// <summary>The business key is missing or blank. Reason code <c>MISSING_KEY</c>.</summary>
    MissingKey,

    /// <summary>The effective date cannot be read as a calendar date. Reason code <c>INVALID_EFFECTIVE_DATE</c>.</summary>
    UnparseableEffectiveDate,

    /// <summary>An exchange rate is zero or negative. Reason code <c>INVALID_FX_RATE</c>.</summary>
    NonPositiveRate,

    /// <summary>The source system is not the system of record for what it changed. Reason code <c>OWNERSHIP_VIOLATION</c>.</summary>
    OwnershipViolation,
}
