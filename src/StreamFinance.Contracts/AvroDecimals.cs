using System.Numerics;
using Avro;

namespace StreamFinance.Contracts;

/// <summary>
/// The one place where <see cref="decimal"/> values become Avro <c>decimal</c> values and back.
/// </summary>
/// <remarks>
/// Apache.Avro writes a decimal only when its scale equals the schema's scale exactly; it neither pads nor
/// rounds. <see cref="ToAvro"/> pads to the schema scale and refuses values that would need rounding,
/// because rounding (to a currency's minor unit, to a rate's precision) is a domain decision that belongs
/// in the domain layer, before conversion. Precision is not checked, as Apache.Avro does not check it either.
/// </remarks>
public static class AvroDecimals
{
    /// <summary>Scale of <c>Money.amount</c>: 4 fractional digits for every currency.</summary>
    public const int MoneyScale = 4;

    /// <summary>Scale of quantities on order, receipt and invoice lines: 4.</summary>
    public const int QuantityScale = 4;

    /// <summary>Scale of tax rates (<c>TaxCode.rate</c>): 6.</summary>
    public const int TaxRateScale = 6;

    /// <summary>Scale of exchange rates (<c>ExchangeRate.rate</c>, <c>ApprovedExpense.fxRate</c>): 8.</summary>
    public const int FxRateScale = 8;

    private const int MaxDecimalScale = 28;

    /// <summary>Converts a decimal to an Avro decimal with exactly <paramref name="scale"/> fractional digits.</summary>
    /// <param name="value">The value; trailing zeros beyond the scale are fine (1.2300 at scale 2 is 1.23).</param>
    /// <param name="scale">The schema's scale, 0 to 28.</param>
    /// <exception cref="ArgumentException">The value has significant digits beyond the scale and would need rounding.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The scale is outside 0 to 28.</exception>
    public static AvroDecimal ToAvro(decimal value, int scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, MaxDecimalScale);

        var unscaled = UnscaledOf(value);
        var valueScale = value.Scale;
        if (valueScale <= scale)
        {
            return new AvroDecimal(unscaled * BigInteger.Pow(10, scale - valueScale), scale);
        }

        var quotient = BigInteger.DivRem(unscaled, BigInteger.Pow(10, valueScale - scale), out var remainder);
        if (!remainder.IsZero)
        {
            throw new ArgumentException(
                $"{value.ToString(System.Globalization.CultureInfo.InvariantCulture)} has more than {scale} fractional digit(s), the schema's scale. " +
                "Round it in the domain (e.g. to the currency's minor unit) before converting; conversion never rounds.",
                nameof(value));
        }

        return new AvroDecimal(quotient, scale);
    }

    /// <summary>Converts an Avro decimal to a decimal with the same scale, exactly.</summary>
    /// <exception cref="OverflowException">The value has more than 28 fractional digits or does not fit in a decimal.</exception>
    public static decimal ToDecimal(AvroDecimal value)
    {
        if (value.Scale is < 0 or > MaxDecimalScale)
        {
            throw new OverflowException($"Avro decimal with scale {value.Scale} cannot be a .NET decimal, which allows scale 0 to {MaxDecimalScale}.");
        }

        var magnitude = BigInteger.Abs(value.UnscaledValue);
        if (magnitude.GetBitLength() > 96)
        {
            throw new OverflowException($"Avro decimal {value} does not fit in a .NET decimal (96-bit unscaled value).");
        }

        var lo = (int)(uint)(magnitude & uint.MaxValue);
        var mid = (int)(uint)((magnitude >> 32) & uint.MaxValue);
        var hi = (int)(uint)((magnitude >> 64) & uint.MaxValue);
        return new decimal(lo, mid, hi, value.UnscaledValue.Sign < 0, (byte)value.Scale);
    }

    private static BigInteger UnscaledOf(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        return value < 0 ? -magnitude : magnitude;
    }
}
