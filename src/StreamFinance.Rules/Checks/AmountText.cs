using System.Globalization;
using StreamFinance.Domain.Money;

using StreamFinance.Rules.Lookups;

namespace StreamFinance.Rules.Checks;

/// <summary>Amounts and dates as violation messages write them: <c>1234.50 EUR</c>, <c>2026-03-31</c>, invariant culture.</summary>
public static class AmountText
{
    /// <summary>The amount with the currency's minor units (as given when the currency is not known), then the code.</summary>
    public static string Money(decimal amount, string currency) =>
        (CurrencyMinorUnits.IsKnown(currency) ? Math.Round(amount, CurrencyMinorUnits.Of(currency), MidpointRounding.AwayFromZero) : amount)
        .ToString(CurrencyMinorUnits.IsKnown(currency) ? "F" + CurrencyMinorUnits.Of(currency).ToString(CultureInfo.InvariantCulture) : "G", CultureInfo.InvariantCulture)
        + " " + currency;

    /// <summary>The amount with thousands separators and the currency's minor units, then the code: <c>12,400.00 EUR</c>.</summary>
    public static string Grouped(decimal amount, string currency) =>
        (CurrencyMinorUnits.IsKnown(currency) ? Math.Round(amount, CurrencyMinorUnits.Of(currency), MidpointRounding.AwayFromZero) : amount)
        .ToString("N" + (CurrencyMinorUnits.IsKnown(currency) ? CurrencyMinorUnits.Of(currency) : 4).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
        + " " + currency;

    /// <summary>An ISO date.</summary>
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A rate without trailing zeros.</summary>
    public static string Rate(decimal rate) => rate.ToString("0.########", CultureInfo.InvariantCulture);
}
