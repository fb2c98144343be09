using System.Globalization;

namespace StreamFinance.Domain.MasterData.Fx;

/// <summary>
/// Point-in-time FX rate look-up: the rate of the requested date, else of earlier days within
/// <see cref="FxFallbackPolicy"/>. Same currency is rate 1. The rate source is a function so the topology can answer
/// from a state store or GlobalKTable; rates it returns that are zero or negative are treated as absent (they are
/// dead-lettered on the way in, see <c>MasterDataInputValidator.CheckRate</c>) and named in the reason if nothing is found.
/// </summary>
public static class FxRateLookup
{
    /// <summary>
    /// Finds the rate to convert <paramref name="fromCurrency"/> into <paramref name="toCurrency"/> on <paramref name="date"/>.
    /// Currency codes are trimmed and upper-cased before <paramref name="rates"/> is asked (from, to, day).
    /// </summary>
    public static FxRateLookupResult Find(
        string fromCurrency,
        string toCurrency,
        DateOnly date,
        Func<string, string, DateOnly, decimal?> rates,
        FxFallbackPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(rates);
        policy ??= new FxFallbackPolicy();
        if (string.IsNullOrWhiteSpace(fromCurrency) || string.IsNullOrWhiteSpace(toCurrency))
            return FxRateLookupResult.Missing($"Currency pair '{fromCurrency}'->'{toCurrency}' on {Day(date)} is incomplete; both currency codes are needed.");

        var from = fromCurrency.Trim().ToUpperInvariant();
        var to = toCurrency.Trim().ToUpperInvariant();
        if (from == to)
            return FxRateLookupResult.Found(1m, date, 0, 0, false);

        var invalid = new List<string>();
        var day = date;
        var used = 0;
        while (true)
        {
            var direct = Usable(rates(from, to, day), from, to, day, invalid);
            if (direct is not null)
                return FxRateLookupResult.Found(direct.Value, day, date.DayNumber - day.DayNumber, used, false);
            if (policy.UseInverseRate && Usable(rates(to, from, day), to, from, day, invalid) is { } opposite)
            {
                var inverse = Math.Round(1m / opposite, FxFallbackPolicy.InverseRateDecimals, MidpointRounding.AwayFromZero);
                if (inverse > 0m)
                    return FxRateLookupResult.Found(inverse, day, date.DayNumber - day.DayNumber, used, true);
                invalid.Add($"the inverse of {to}->{from} {Number(opposite)} on {Day(day)} rounds to zero");
            }

            if (used == policy.MaxDaysBack || day.DayNumber == DateOnly.MinValue.DayNumber)
                break;
            do
                day = day.AddDays(-1);
            while (!policy.CountWeekends && IsWeekend(day) && day.DayNumber > DateOnly.MinValue.DayNumber);
            used++;
        }

        var searched = used == 0
            ? $"on {Day(date)}"
            : $"on {Day(date)} or the {used} {(policy.CountWeekends ? "" : "business ")}day{(used == 1 ? "" : "s")} before (back to {Day(day)})";
        var pairs = policy.UseInverseRate ? $"{from}->{to} (or {to}->{from} to invert)" : $"{from}->{to}";
        var detail = invalid.Count == 0 ? "" : $" Ignored: {string.Join("; ", invalid)}.";
        return FxRateLookupResult.Missing(
            $"No {pairs} rate {searched}.{detail} Load the missing rate into md.updates, or widen {FxFallbackPolicy.Section}:MaxDaysBack (now {policy.MaxDaysBack}).");
    }

    private static decimal? Usable(decimal? rate, string from, string to, DateOnly day, List<string> invalid)
    {
        if (rate is null)
            return null;
        if (rate > 0m)
            return rate;
        invalid.Add($"{from}->{to} {Number(rate.Value)} on {Day(day)} is not a positive rate");
        return null;
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
