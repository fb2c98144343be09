using StreamFinance.Domain.MasterData.Suppliers;

namespace StreamFinance.Domain.Tests.MasterData;

public class SupplierNameNormalizerTests
{
    [Theory]
    [InlineData("Müller Bürotechnik GmbH", "muller burotechnik")]
    [InlineData("MUELLER  Burotechnik", "mueller burotechnik")]
    [InlineData("Müller Bürotechnik GmbH & Co. KG", "muller burotechnik")]
    [InlineData("Acme, Inc.", "acme")]
    [InlineData("ACME INCORPORATED", "acme")]
    [InlineData("Acme Pty. Ltd.", "acme")]
    [InlineData("Acme Holdings Co., Ltd.", "acme holdings")]
    [InlineData("Société Générale S.A.", "societe generale")]
    [InlineData("Nestlé S.A.R.L.", "nestle")]
    [InlineData("Grupo Bimbo, S.A. de C.V.", "grupo bimbo")]
    [InlineData("Philips N.V.", "philips")]
    [InlineData("Heineken B.V.", "heineken")]
    [InlineData("Toyota K.K.", "toyota")]
    [InlineData("Nokia Oyj", "nokia")]
    [InlineData("Maersk A/S", "maersk")]
    [InlineData("Fiat S.p.A.", "fiat")]
    [InlineData("Smith & Sons Ltd", "smith and sons")]
    [InlineData("Smith & Co", "smith")]
    [InlineData("Straße Bau AG", "strasse bau")]
    [InlineData("Ørsted A/S", "orsted")]
    [InlineData("O'Brien Consulting LLC", "obrien consulting")]
    [InlineData("J.P. Morgan Chase & Co.", "jp morgan chase")]
    [InlineData("Coca-Cola Company", "coca cola")]
    [InlineData("  Łódź   Logistics  sp. z o.o.", "lodz logistics")]
    public void Names_are_lower_cased_stripped_of_diacritics_punctuation_and_legal_suffixes(string name, string expected)
    {
        Assert.Equal(expected, SupplierNameNormalizer.Normalize(name));
    }

    [Fact]
    public void Legal_suffix_words_inside_a_name_are_kept()
    {
        Assert.Equal("ag company services", SupplierNameNormalizer.Normalize("AG Company Services GmbH"));
    }

    [Fact]
    public void A_suffix_that_is_the_whole_name_is_kept()
    {
        Assert.Equal("limited", SupplierNameNormalizer.Normalize("Limited"));
        Assert.Equal("gmbh", SupplierNameNormalizer.Normalize("G.m.b.H."));
    }

    [Fact]
    public void Several_trailing_suffixes_are_all_removed_but_one_word_always_remains()
    {
        Assert.Equal("acme", SupplierNameNormalizer.Normalize("Acme Corp Inc Ltd"));
        Assert.Equal("co", SupplierNameNormalizer.Normalize("Co Ltd"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("...")]
    public void Blank_or_punctuation_only_name_normalises_to_empty(string? name)
    {
        Assert.Equal("", SupplierNameNormalizer.Normalize(name));
    }

    [Fact]
    public void Digits_and_non_latin_letters_are_kept()
    {
        Assert.Equal("3m", SupplierNameNormalizer.Normalize("3M"));
        Assert.Equal("株式会社トヨタ", SupplierNameNormalizer.Normalize("株式会社トヨタ"));
        Assert.Equal("ооо ромашка", SupplierNameNormalizer.Normalize("ООО Ромашка"));
    }

    [Fact]
    public void Invalid_text_from_a_source_becomes_blanks_instead_of_failing()
    {
        Assert.Equal("acme x", SupplierNameNormalizer.Normalize("Acme\uD800X\uFFFE GmbH"));
    }

    [Theory]
    [InlineData(" de 811 234 567 ", "DE811234567")]
    [InlineData("DE-811.234.567", "DE811234567")]
    [InlineData("gb123\u2013456\u00a0789", "GB123456789")]
    [InlineData("FR 12 345678901", "FR12345678901")]
    [InlineData(null, "")]
    [InlineData(" ", "")]
    public void Tax_ids_are_upper_cased_without_blanks_dashes_or_dots_keeping_the_country_prefix(string? taxId, string expected)
    {
        Assert.Equal(expected, TaxIdNormalizer.Normalize(taxId));
    }
}
