namespace StreamFinance.Domain.MasterData.Fx;

/// <summary>
/// How <see cref="FxRateLookup"/> falls back when no rate exists for the requested date. Bound from the
/// <see cref="Section"/> section.
/// </summary>
public sealed class FxFallbackPolicy
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "MasterData:FxFallback";

    /// <summary>Decimal places of a rate computed as the inverse of the opposite pair's rate (the Avro rate scale). Fixed at 8.</summary>
    public const int InverseRateDecimals = 8;

    /// <summary>
    /// How many earlier days may be tried after the requested date; 0 means only the exact date. Default 3.
    /// With <see cref="CountWeekends"/> false, only business days count (and only they are tried).
    /// </summary>
    public int MaxDaysBack { get; set; } = 3;

    /// <summary>
    /// Whether Saturdays and Sundays are tried and count against <see cref="MaxDaysBack"/>. Default false: fallback
    /// goes to previous business days, skipping weekends without spending the budget (Monday falls back to Friday
    /// with one day used). The requested date itself is always tried, even on a weekend.
    /// </summary>
    public bool CountWeekends { get; set; }

    /// <summary>
    /// Whether a missing from->to rate may be taken as 1 / (to->from rate), rounded to <see cref="InverseRateDecimals"/>
    /// places (midpoint away from zero). On each day the direct rate is preferred. Default false: treasury publishes
    /// both directions and an inverse hides a missing feed.
    /// </summary>
    public bool UseInverseRate { get; set; }

    /// <summary>Every problem with these settings, each phrased so a person can fix it.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxDaysBack is < 0 or > 31)
            yield return $"{Section}:MaxDaysBack is {MaxDaysBack}: use 0 (exact date only) to 31 days.";
    }
}
