using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Validation;

namespace StreamFinance.Domain.Tests.MasterData;

public class MasterDataInputValidatorTests
{
    [Theory]
    [InlineData("COST_CENTER")]
    [InlineData("supplier")]
    [InlineData(" EXCHANGE_RATE ")]
    public void Known_object_type_passes(string objectType)
    {
        Assert.Null(MasterDataInputValidator.CheckObjectType(objectType));
    }

    [Theory]
    [InlineData("WAREHOUSE")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_object_type_is_a_problem_listing_the_known_types(string? objectType)
    {
        var problem = MasterDataInputValidator.CheckObjectType(objectType);

        Assert.NotNull(problem);
        Assert.Equal("UNKNOWN_OBJECT_TYPE", problem.ReasonCode);
        Assert.Contains($"'{objectType}'", problem.Message);
        Assert.Contains("COST_CENTER, SUPPLIER", problem.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_or_blank_key_is_a_problem(string? key)
    {
        var problem = MasterDataInputValidator.CheckKey(key, MasterDataObjectTypes.CostCenter);

        Assert.Equal(MasterDataProblemCode.MissingKey, problem!.Code);
        Assert.Equal("MISSING_KEY", problem.ReasonCode);
        Assert.Contains("COST_CENTER", problem.Message);
    }

    [Fact]
    public void Present_key_passes()
    {
        Assert.Null(MasterDataInputValidator.CheckKey("CC-100", MasterDataObjectTypes.CostCenter));
    }

    [Theory]
    [InlineData("2025-03-31")]
    [InlineData(" 2025-03-31 ")]
    [InlineData("20250331")]
    public void Effective_date_in_iso_form_is_read(string text)
    {
        var parse = MasterDataInputValidator.ParseEffectiveDate(text);

        Assert.True(parse.Succeeded);
        Assert.Equal(new DateOnly(2025, 3, 31), parse.Date);
        Assert.Null(parse.Problem);
    }

    [Theory]
    [InlineData("31/03/2025")]
    [InlineData("2025-02-30")]
    [InlineData("tomorrow")]
    [InlineData("")]
    [InlineData(null)]
    public void Unparseable_effective_date_is_a_problem_naming_the_text(string? text)
    {
        var parse = MasterDataInputValidator.ParseEffectiveDate(text);

        Assert.False(parse.Succeeded);
        Assert.Equal("INVALID_EFFECTIVE_DATE", parse.Problem!.ReasonCode);
        Assert.Contains($"'{text}'", parse.Problem.Message);
        Assert.Contains("yyyy-MM-dd", parse.Problem.Message);
    }

    [Fact]
    public void Effective_date_from_a_midnight_timestamp_is_its_day()
    {
        var parse = MasterDataInputValidator.ParseEffectiveDate(new DateTime(2025, 3, 31, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new DateOnly(2025, 3, 31), parse.Date);
    }

    [Fact]
    public void Effective_date_with_a_time_of_day_is_refused_rather_than_truncated()
    {
        var parse = MasterDataInputValidator.ParseEffectiveDate(new DateTime(2025, 3, 31, 14, 0, 0, DateTimeKind.Utc));

        Assert.Equal(MasterDataProblemCode.UnparseableEffectiveDate, parse.Problem!.Code);
        Assert.Contains("2025-03-31T14:00:00.000", parse.Problem.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1.25")]
    public void Rate_of_zero_or_less_is_a_problem_naming_pair_date_and_rate(string rate)
    {
        var problem = MasterDataInputValidator.CheckRate(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), "USD", "EUR", new DateOnly(2025, 3, 31));

        Assert.Equal("INVALID_FX_RATE", problem!.ReasonCode);
        Assert.Contains($"USD->EUR on 2025-03-31 is {rate}", problem.Message);
    }

    [Fact]
    public void Positive_rate_passes()
    {
        Assert.Null(MasterDataInputValidator.CheckRate(0.00000001m, "USD", "EUR", new DateOnly(2025, 3, 31)));
    }

    [Fact]
    public void Every_problem_code_has_a_distinct_reason_code()
    {
        var reasons = Enum.GetValues<MasterDataProblemCode>().Select(c => new MasterDataInputProblem(c, "m").ReasonCode).ToList();

        Assert.Equal(reasons.Count, reasons.Distinct().Count());
        Assert.Contains("OWNERSHIP_VIOLATION", reasons);
    }
}
