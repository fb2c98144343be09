namespace StreamFinance.Contracts.Common;

/// <summary>Builds and reads the generated <see cref="Money"/> record with exact decimals.</summary>
public static class MoneyExtensions
{
    /// <summary>
    /// Creates a <see cref="Money"/> at the schema scale (<see cref="AvroDecimals.MoneyScale"/>, 4 digits).
    /// </summary>
    /// <param name="amount">The amount; at most 4 significant fractional digits, never rounded here.</param>
    /// <param name="currency">ISO 4217 code, three upper-case letters.</param>
    /// <exception cref="ArgumentException">The currency is malformed or the amount needs rounding.</exception>
    public static Money ToMoney(this decimal amount, string currency) => new()
    {
        currency = CurrencyCodes.Require(currency, nameof(currency)),
        amount = AvroDecimals.ToAvro(amount, AvroDecimals.MoneyScale),
    };

    /// <summary>The amount of <paramref name="money"/> as an exact decimal (scale 4).</summary>
    public static decimal ToDecimal(this Money money)
    {
        ArgumentNullException.ThrowIfNull(money);
        return AvroDecimals.ToDecimal(money.amount);
    }
}
