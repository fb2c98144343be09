using System.Numerics;
using Avro;

namespace StreamFinance.Contracts.Tests;

public sealed class AvroDecimalsTests
{
    [Theory]
    [InlineData("1500", 4, "15000000")]           // JPY-like: no minor unit, padded to scale 4
    [InlineData("-1500", 4, "-15000000")]
    [InlineData("12.34", 4, "123400")]
    [InlineData("-0.0001", 4, "-1")]
    [InlineData("1.2300", 2, "123")]              // trailing zeros beyond the scale are not rounding
    [InlineData("1.08765432", 8, "108765432")]
    [InlineData("0.19", 6, "190000")]
    [InlineData("79228162514264.3375", 4, "792281625142643375")]
    public void Decimal_converts_to_the_exact_schema_scale(string value, int scale, string expectedUnscaled)
    {
        var result = AvroDecimals.ToAvro(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), scale);

        Assert.Equal(scale, result.Scale);
        Assert.Equal(BigInteger.Parse(expectedUnscaled), result.UnscaledValue);
    }

    [Theory]
    [InlineData("1.23456", 4)]
    [InlineData("-0.00001", 4)]
    [InlineData("0.5", 0)]
    [InlineData("1.123456789", 8)]
    public void Decimal_with_more_fractional_digits_than_the_scale_throws_instead_of_rounding(string value, int scale)
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            AvroDecimals.ToAvro(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), scale));

        Assert.Contains($"more than {scale} fractional digit", ex.Message);
        Assert.Contains("Round it in the domain", ex.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(29)]
    public void Scale_outside_what_a_decimal_can_hold_is_rejected(int scale) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AvroDecimals.ToAvro(1m, scale));

    [Theory]
    [InlineData("-123456789012345.6789")]
    [InlineData("0.0000")]
    [InlineData("1500.0000")]
    public void Avro_decimal_converts_back_to_the_same_decimal_value_and_scale(string value)
    {
        var original = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        var back = AvroDecimals.ToDecimal(AvroDecimals.ToAvro(original, 4));

        Assert.Equal(original, back);
        Assert.Equal(4, back.Scale);
    }

    [Fact]
    public void Avro_decimal_too_large_for_a_decimal_throws_overflow() =>
        Assert.Throws<OverflowException>(() => AvroDecimals.ToDecimal(new AvroDecimal(BigInteger.Pow(10, 30), 4)));

    [Fact]
    public void Avro_decimal_with_scale_above_28_throws_overflow() =>
        Assert.Throws<OverflowException>(() => AvroDecimals.ToDecimal(new AvroDecimal(BigInteger.One, 30)));
}
