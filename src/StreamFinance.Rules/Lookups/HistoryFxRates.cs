using StreamFinance.Contracts;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData.Fx;

namespace StreamFinance.Rules.Lookups;

/// <summary>
/// The rate source of <see cref="FxRateLookup.Find"/> over <c>md.history</c>: the rate of a pair on a day is the
/// <c>EXCHANGE_RATE</c> object <c>FROM/TO/yyyy-MM-dd</c> as in force on that day (a rate deleted or not yet published
/// counts as missing, so the look-up falls back per <see cref="FxFallbackPolicy"/>).
/// </summary>
public static class HistoryFxRates
{
    /// <summary>
    /// The rate source over <paramref name="histories"/>, which answers an <c>md.history</c> key (<c>EXCHANGE_RATE:EUR/USD/2026-03-31</c>)
    /// from a GlobalKTable, a state store or a dictionary; null when unknown.
    /// </summary>
    public static Func<string, string, DateOnly, decimal?> From(Func<string, MasterDataHistory?> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        return (from, to, day) =>
            histories(MasterDataKeys.For(MasterDataObjectType.EXCHANGE_RATE, MasterDataKeys.ExchangeRateId(from, to, day)))?.ValueAsOf<ExchangeRate>(day) is { } rate
                ? AvroDecimals.ToDecimal(rate.rate)
                : null;
    }

    /// <summary>The rate from <paramref name="fromCurrency"/> to <paramref name="toCurrency"/> on <paramref name="date"/>, falling back per <paramref name="policy"/>.</summary>
    public static FxRateLookupResult Find(
        Func<string, MasterDataHistory?> histories, string fromCurrency, string toCurrency, DateOnly date, FxFallbackPolicy? policy = null) =>
        FxRateLookup.Find(fromCurrency, toCurrency, date, From(histories), policy);
}
