using StreamFinance.Contracts.Common;

namespace StreamFinance.Contracts.Tests;

public sealed class MoneyExtensionsTests
{
    [Fact]
    public void ToMoney_stores_the_amount_at_scale_4_with_the_currency()
    {
        var money = 1500m.ToMoney("JPY");

        Assert.Equal("JPY", money.currency);
        Assert.Equal(4, money.amount.Scale);
        Assert.Equal(15_000_000, (long)money.amount.UnscaledValue);
        Assert.Equal(1500m, money.ToDecimal());
    }

    [Fact]
    public void Negative_amounts_survive_the_conversion() =>
        Assert.Equal(-42.1234m, (-42.1234m).ToMoney("EUR").ToDecimal());

    [Fact]
    public void Amount_with_five_fractional_digits_is_rejected_not_rounded() =>
        Assert.Throws<ArgumentException>(() => 10.00005m.ToMoney("EUR"));

    [Theory]
    [InlineData("eur")]
    [InlineData("EU")]
    [InlineData("EURO")]
    [InlineData("E1R")]
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_currency_code_is_rejected_with_the_code_in_the_message(string? currency)
    {
        var ex = Assert.Throws<ArgumentException>(() => 1m.ToMoney(currency!));

        Assert.Equal("currency", ex.ParamName);
        Assert.Contains($"'{currency}'", ex.Message);
    }
}
