using StreamFinance.Domain.MasterData.Validation;

namespace StreamFinance.Domain.MasterData.Ownership;

/// <summary>
/// Outcome of <see cref="SystemOfRecordTable.Check"/>: allowed, or refused with the <see cref="Problem"/> to
/// dead-letter the update with (<see cref="MasterDataProblemCode.OwnershipViolation"/>, or
/// <see cref="MasterDataProblemCode.UnknownObjectType"/> when the object type is not known).
/// </summary>
public sealed record OwnershipDecision
{
    private OwnershipDecision(MasterDataInputProblem? problem, IReadOnlyList<string> violatedGroups)
    {
        Problem = problem;
        ViolatedGroups = violatedGroups;
    }

    /// <summary>The update may be applied.</summary>
    public static OwnershipDecision Allowed { get; } = new(null, []);

    /// <summary>Whether the update may be applied.</summary>
    public bool IsAllowed => Problem is null;

    /// <summary>Why the update is refused; null when allowed.</summary>
    public MasterDataInputProblem? Problem { get; }

    /// <summary>
    /// Field groups the source may not write, ordinal order; <see cref="SystemOfRecordTable.WholeObject"/> when the
    /// object as a whole (or an ungrouped field) was refused. Empty when allowed.
    /// </summary>
    public IReadOnlyList<string> ViolatedGroups { get; }

    /// <summary>A refusal.</summary>
    public static OwnershipDecision Refused(MasterDataInputProblem problem, IReadOnlyList<string> violatedGroups) =>
        new(problem ?? throw new ArgumentNullException(nameof(problem)), violatedGroups);
}
