namespace StreamFinance.Domain.Money;

/// <summary>
/// ISO 4217 minor units: how many decimal places an amount in a currency has when it is posted
/// (JPY 0, USD 2, BHD 3). Unknown currencies are refused rather than guessed.
/// </summary>
public static class CurrencyMinorUnits
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        // Zero decimals.
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0,
        ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["UYI"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
        // Three decimals.
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
        // Four decimals.
        ["CLF"] = 4, ["UYW"] = 4,
        // Two decimals: the common case, listed so that a typo is caught.
        ["AED"] = 2, ["ARS"] = 2, ["AUD"] = 2, ["BRL"] = 2, ["CAD"] = 2, ["CHF"] = 2, ["CNY"] = 2, ["CZK"] = 2,
        ["DKK"] = 2, ["EUR"] = 2, ["GBP"] = 2, ["HKD"] = 2, ["HUF"] = 2, ["IDR"] = 2, ["ILS"] = 2, ["INR"] = 2,
        ["MXN"] = 2, ["MYR"] = 2, ["NOK"] = 2, ["NZD"] = 2, ["PHP"] = 2, ["PLN"] = 2, ["RON"] = 2, ["SAR"] = 2,
        ["SEK"] = 2, ["SGD"] = 2, ["THB"] = 2, ["TRY"] = 2, ["TWD"] = 2, ["USD"] = 2, ["ZAR"] = 2,
    };

    /// <summary>Decimal places of <paramref name="currency"/>; throws naming the code when it is not known.</summary>
    public static int Of(string currency) =>
        Units.TryGetValue(currency, out var units)
            ? units
            : throw new ArgumentException($"Currency '{currency}' is not a known ISO 4217 code; add it to {nameof(CurrencyMinorUnits)} with its minor units.", nameof(currency));

    /// <summary>Whether <paramref name="currency"/> is a known ISO 4217 code.</summary>
    public static bool IsKnown(string currency) => Units.ContainsKey(currency);

    /// <summary>Rounds to the currency's minor unit with the given rule (banker's rounding is <see cref="MidpointRounding.ToEven"/>).</summary>
    public static decimal Round(decimal amount, string currency, MidpointRounding mode = MidpointRounding.AwayFromZero) =>
        Math.Round(amount, Of(currency), mode);
}
