using StreamFinance.Domain.Expenses;

namespace StreamFinance.Domain.Tests.Expenses;

public sealed class CardPurchaseIdTests
{
    [Theory]
    [InlineData("ramp:7f3c-11", "ramp", "7f3c-11")]
    [InlineData("Brex:card_txn_1", "brex", "card_txn_1")]
    [InlineData("T-1", null, "T-1")]
    [InlineData("urn:x:y", "urn", "x:y")]
    [InlineData(":T-1", null, ":T-1")]
    [InlineData("ramp:", null, "ramp:")]
    [InlineData("a b:T-1", null, "a b:T-1")]
    public void A_card_transaction_id_names_a_provider_before_its_first_colon_or_is_bare(string text, string? provider, string transactionId) =>
        Assert.Equal(new CardPurchaseId(provider, transactionId), CardPurchaseId.Parse(text));

    [Fact]
    public void A_bare_id_matches_the_card_transaction_of_that_id_from_any_provider_and_a_named_provider_only_its_own()
    {
        var ramp = CardPurchaseId.Of("Ramp", "T-1");
        Assert.Equal("ramp:T-1", ramp.ToString());
        Assert.True(CardPurchaseId.Parse("T-1").Matches(ramp));
        Assert.True(CardPurchaseId.Parse("RAMP:T-1").Matches(ramp));
        Assert.False(CardPurchaseId.Parse("brex:T-1").Matches(ramp));
        Assert.False(CardPurchaseId.Parse("ramp:T-2").Matches(ramp));
    }
}
