namespace StreamFinance.Domain.MasterData.Fx;

/// <summary>
/// Outcome of <see cref="FxRateLookup.Find"/>: a rate with the date it was published for and how far the look-up fell
/// back, or no rate with a <see cref="Reason"/> for the <c>FX_RATE_MISSING</c> dead letter.
/// </summary>
public sealed record FxRateLookupResult
{
    private FxRateLookupResult(decimal? rate, DateOnly? rateDate, int calendarDaysBack, int countedDaysBack, bool isInverse, string? reason)
    {
        Rate = rate;
        RateDate = rateDate;
        CalendarDaysBack = calendarDaysBack;
        CountedDaysBack = countedDaysBack;
        IsInverse = isInverse;
        Reason = reason;
    }

    /// <summary>Whether a rate was found.</summary>
    public bool IsFound => Rate is not null;

    /// <summary>Units of the target currency per unit of the source currency; null when missing.</summary>
    public decimal? Rate { get; }

    /// <summary>Date of the rate used; null when missing.</summary>
    public DateOnly? RateDate { get; }

    /// <summary>Calendar days between the requested date and <see cref="RateDate"/> (Monday to Friday is 3).</summary>
    public int CalendarDaysBack { get; }

    /// <summary>Days of the fallback budget used (<see cref="FxFallbackPolicy.MaxDaysBack"/>); Monday to Friday is 1 when weekends do not count.</summary>
    public int CountedDaysBack { get; }

    /// <summary>Whether <see cref="Rate"/> is the inverse of the opposite pair's rate.</summary>
    public bool IsInverse { get; }

    /// <summary>Why no rate was found; null when found.</summary>
    public string? Reason { get; }

    /// <summary>A rate found on <paramref name="rateDate"/>.</summary>
    public static FxRateLookupResult Found(decimal rate, DateOnly rateDate, int calendarDaysBack, int countedDaysBack, bool isInverse) =>
        new(rate, rateDate, calendarDaysBack, countedDaysBack, isInverse, null);

    /// <summary>No usable rate, for <paramref name="reason"/>.</summary>
    public static FxRateLookupResult Missing(string reason) =>
        new(null, null, 0, 0, false, string.IsNullOrWhiteSpace(reason) ? throw new ArgumentException("A missing rate needs a reason.", nameof(reason)) : reason);
}
