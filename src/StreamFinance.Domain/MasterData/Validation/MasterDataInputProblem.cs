namespace StreamFinance.Domain.MasterData.Validation;

/// <summary>
/// One reason a master-data update is dead-lettered: a <see cref="Code"/> with its stable <see cref="ReasonCode"/>
/// and a message that says what is wrong with which record and what to do about it.
/// </summary>
/// <param name="Code">What kind of problem this is.</param>
/// <param name="Message">Human message for the dead letter, naming the offending value.</param>
public sealed record MasterDataInputProblem(MasterDataProblemCode Code, string Message)
{
    /// <summary>Reason code for <see cref="MasterDataProblemCode.UnknownObjectType"/>.</summary>
    public const string UnknownObjectTypeReason = "UNKNOWN_OBJECT_TYPE";

    /// <summary>Reason code for <see cref="MasterDataProblemCode.MissingKey"/>.</summary>
    public const string MissingKeyReason = "MISSING_KEY";

    /// <summary>Reason code for <see cref="MasterDataProblemCode.UnparseableEffectiveDate"/>.</summary>
    public const string InvalidEffectiveDateReason = "INVALID_EFFECTIVE_DATE";

    /// <summary>Reason code for <see cref="MasterDataProblemCode.NonPositiveRate"/>.</summary>
    public const string InvalidFxRateReason = "INVALID_FX_RATE";

    /// <summary>Reason code for <see cref="MasterDataProblemCode.OwnershipViolation"/>.</summary>
    public const string OwnershipViolationReason = "OWNERSHIP_VIOLATION";

    /// <summary>The stable dead-letter reason code of <see cref="Code"/>, e.g. <c>OWNERSHIP_VIOLATION</c>.</summary>
    public string ReasonCode => Code switch
    {
        MasterDataProblemCode.UnknownObjectType => UnknownObjectTypeReason,
        MasterDataProblemCode.MissingKey => MissingKeyReason,
        MasterDataProblemCode.UnparseableEffectiveDate => InvalidEffectiveDateReason,
        MasterDataProblemCode.NonPositiveRate => InvalidFxRateReason,
        MasterDataProblemCode.OwnershipViolation => OwnershipViolationReason,
        _ => throw new InvalidOperationException($"Problem code {Code} has no reason code; add one to {nameof(MasterDataInputProblem)}."),
    };

    /// <summary>The reason code and the message, for logs.</summary>
    public override string ToString() => $"{ReasonCode}: {Message}";
}
