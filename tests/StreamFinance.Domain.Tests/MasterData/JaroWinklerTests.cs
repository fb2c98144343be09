using StreamFinance.Domain.MasterData.Suppliers;

namespace StreamFinance.Domain.Tests.MasterData;

public class JaroWinklerTests
{
    [Theory]
    [InlineData("martha", "marhta", 0.9611)]
    [InlineData("dwayne", "duane", 0.84)]
    [InlineData("dixon", "dicksonx", 0.8133)]
    public void Similarity_matches_the_published_reference_values(string a, string b, double expected)
    {
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), 4);
    }

    [Fact]
    public void Equal_strings_are_one_and_strings_without_common_characters_are_zero()
    {
        Assert.Equal(1.0, JaroWinkler.Similarity("acme", "acme"));
        Assert.Equal(1.0, JaroWinkler.Similarity("", ""));
        Assert.Equal(0.0, JaroWinkler.Similarity("abc", "xyz"));
        Assert.Equal(0.0, JaroWinkler.Similarity("abc", ""));
    }

    [Fact]
    public void Similarity_is_the_same_in_both_directions()
    {
        Assert.Equal(JaroWinkler.Similarity("muller burotechnik", "mueller buerotechnik"), JaroWinkler.Similarity("mueller buerotechnik", "muller burotechnik"));
    }
}
