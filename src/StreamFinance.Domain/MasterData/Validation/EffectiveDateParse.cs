namespace StreamFinance.Domain.MasterData.Validation;

/// <summary>Outcome of reading an effective date: exactly one of <see cref="Date"/> and <see cref="Problem"/> is set.</summary>
/// <param name="Date">The date read, or null when it could not be read.</param>
/// <param name="Problem">Why it could not be read, or null on success.</param>
public sealed record EffectiveDateParse(DateOnly? Date, MasterDataInputProblem? Problem)
{
    /// <summary>Whether the date was read.</summary>
    public bool Succeeded => Date is not null;
}
