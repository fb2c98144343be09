namespace StreamFinance.Domain.MasterData;

/// <summary>
/// Which effective dates of master-data updates are plausible. An update dated outside the window is dead-lettered as
/// <c>INVALID_EFFECTIVE_DATE</c>: a date such as 0001-01-01 or 2999-12-31 is a mapping error in the source, and applied
/// it would shadow every real version in point-in-time look-ups. Bound from the <see cref="Section"/> section.
/// </summary>
public sealed class EffectiveDateWindow
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "MasterData:EffectiveDates";

    /// <summary>Earliest plausible effective date. Default 1990-01-01.</summary>
    public DateOnly Earliest { get; set; } = new(1990, 1, 1);

    /// <summary>How many days after today an effective date may lie (planned changes). Default 3660 (about ten years).</summary>
    public int MaxDaysAhead { get; set; } = 3660;

    /// <summary>The latest plausible effective date when today is <paramref name="today"/>.</summary>
    public DateOnly LatestFor(DateOnly today) =>
        today.DayNumber + MaxDaysAhead > DateOnly.MaxValue.DayNumber ? DateOnly.MaxValue : today.AddDays(MaxDaysAhead);

    /// <summary>Every problem with these settings, each phrased so a person can fix it.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxDaysAhead < 0)
            yield return $"{Section}:MaxDaysAhead is {MaxDaysAhead}: use 0 (no future-dated changes) or more days.";
        if (Earliest.Year < 1900)
            yield return $"{Section}:Earliest is {Earliest:yyyy-MM-dd}: use a date in 1900 or later.";
    }
}
