namespace StreamFinance.Domain.MasterData.Golden;

/// <summary>
/// How <see cref="Survivorship"/> picks one field's value among the source records of one real-world object. Only
/// present values (not null, not blank) take part; ties always end at the ordinal order of the source reference, so
/// the result never depends on the order records arrive in.
/// </summary>
public enum SurvivorshipRule
{
    /// <summary>
    /// The source earliest in the field's priority list wins (<see cref="SurvivorshipOptions.SourcePriority"/> or the
    /// field's own list); sources not listed come after all listed ones. Ties: most recent, then source reference.
    /// </summary>
    SystemOfRecordWins,

    /// <summary>The most recently updated record wins. Ties: source priority, then source reference.</summary>
    MostRecentWins,

    /// <summary>
    /// The most complete record wins: the one with the most present fields; then the longer value. Ties: most recent,
    /// source priority, source reference.
    /// </summary>
    MostCompleteWins,
}
