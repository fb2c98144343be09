using StreamFinance.Kafka.Masking;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Sensitive;
using StreamFinance.Connectors.Sources.Formats;

namespace StreamFinance.Connectors.Tests.Sensitive;

public sealed class SensitiveValuesTests
{
    private static readonly SensitiveValues CardsAndBanks = SensitiveValues.Unlocated([new SensitiveField("x", SensitiveKind.Pan), new SensitiveField("y", SensitiveKind.BankAccount)]);

    [Theory]
    [InlineData("card 4111 1111 1111 1111 declined", "card ****1111 declined")]
    [InlineData("card 4111-1111-1111-1111", "card ****1111")]
    [InlineData("{\"pan\":\"378282246310005\"}", "{\"pan\":\"****0005\"}")]
    public void A_card_number_is_recognised_by_its_luhn_check_where_no_path_locates_it_and_cut_to_its_last_four_digits(string text, string masked)
    {
        Assert.Equal(masked, CardsAndBanks.Mask(text));
    }

    [Fact]
    public void An_iban_is_recognised_by_its_check_digits_where_no_path_locates_it_and_replaced_by_its_fingerprint()
    {
        Assert.Equal($"iban {SensitiveMasks.BankAccount("DE89 3704 0044 0532 0130 00")} of SUP-1", CardsAndBanks.Mask("iban DE89 3704 0044 0532 0130 00 of SUP-1"));
    }

    [Theory]
    [InlineData("created 1764288000000 at 4111 1111 1111 1112")] // a millisecond timestamp, a card-like number failing Luhn
    [InlineData("tax id DE811234567, PO DE12 3456")] // IBAN-like but too short or with wrong check digits
    [InlineData("id 5927141027381930011x")] // digits glued to a letter are not a card number
    public void Text_without_a_valid_card_number_or_iban_is_left_as_it_is(string text)
    {
        Assert.Same(text, CardsAndBanks.Mask(text));
    }

    [Fact]
    public void A_located_value_is_masked_in_any_spelling_but_only_as_a_whole_word()
    {
        var document = new CsvSourceDocument(["ACCOUNT"], ["0001-2345 6789"]);
        var values = SensitiveValues.Locate([new SensitiveField("ACCOUNT", SensitiveKind.BankAccount)], document);
        var mask = SensitiveMasks.BankAccount("0001-2345 6789");

        Assert.Equal($"a {mask}, b {mask}, c X000123456789", values.Mask("a 000123456789, b 0001 2345-6789, c X000123456789"));
    }

    [Fact]
    public void Bank_data_is_masked_as_the_fingerprint_profiles_write()
    {
        Assert.Equal("sha256:" + new StreamFinance.Connectors.Mapping.Transforms.FingerprintTransform().Apply("DE89 3704 0044 0532 0130 00", null!), SensitiveMasks.BankAccount("DE89 3704 0044 0532 0130 00"));
    }
}
