using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Tests.Support;

namespace StreamFinance.Connectors.Tests.Sensitive;

public sealed class SensitiveProfileTests
{
    private static MappingProfileException LoadError(string yaml) =>
        Assert.Throws<MappingProfileException>(() => new MappingProfileLoader().Load(yaml, "profiles/test-cards.yaml"));

    [Fact]
    public void The_shipped_sap_suppliers_profile_declares_its_iban_column_sensitive_bank_data()
    {
        var mapper = ProfileSamples.Profile("sap-suppliers");

        Assert.Equal([new SensitiveField("IBAN", SensitiveKind.BankAccount)], mapper.SensitiveFields);
    }

    [Fact]
    public void A_profile_lists_its_sensitive_source_fields_with_their_kinds()
    {
        var yaml = MinimalProfile.With("sourceId: $.id", "sourceId: $.id\nsensitive:\n  - { path: $.card.number, kind: pan }\n  - { path: $.payout.iban, kind: bankAccount }");

        var mapper = new MappingProfileLoader().Load(yaml, "test-cards.yaml");

        Assert.Equal([new SensitiveField("$.card.number", SensitiveKind.Pan), new SensitiveField("$.payout.iban", SensitiveKind.BankAccount)], mapper.SensitiveFields);
    }

    [Fact]
    public void A_fingerprinted_field_not_declared_sensitive_is_refused_naming_its_line()
    {
        var yaml = MinimalProfile.With("merchant: { path: $.merchant, default: \"unknown\" }", "merchant: { path: $.iban, transform: [fingerprint] }");

        var error = LoadError(yaml);

        Assert.Contains("'$.iban' is fingerprinted", error.Message);
        Assert.Contains("sensitive: [{ path: $.iban, kind: bankAccount }]", error.Message);
        Assert.Equal(MinimalProfile.LineOf("merchant:"), error.Line);
    }

    [Theory]
    [InlineData("sensitive: [{ path: $.card.number, kind: cvv }]", "sensitive kind 'cvv' is unknown")]
    [InlineData("sensitive: [{ path: $.card.number }]", "needs 'kind'")]
    [InlineData("sensitive: [{ path: card.number, kind: pan }]", "JSON path 'card.number' must start with '$'")]
    [InlineData("sensitive: $.card.number", "'sensitive' is a list of source fields")]
    public void A_malformed_sensitive_declaration_is_refused_with_what_to_write(string declaration, string problem)
    {
        var error = LoadError(MinimalProfile.With("sourceId: $.id", "sourceId: $.id\n" + declaration));

        Assert.Contains(problem, error.Message);
    }
}
