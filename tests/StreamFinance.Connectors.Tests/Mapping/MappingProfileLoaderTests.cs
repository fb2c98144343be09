using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Tests.Support;

namespace StreamFinance.Connectors.Tests.Mapping;

public class MappingProfileLoaderTests
{
    private static MappingProfileException LoadError(string yaml) =>
        Assert.Throws<MappingProfileException>(() => new MappingProfileLoader().Load(yaml, "profiles/test-cards.yaml"));

    [Fact]
    public void The_minimal_profile_loads_with_its_identity()
    {
        var mapper = new MappingProfileLoader().Load(MinimalProfile.Yaml, "test-cards.yaml");

        Assert.Equal(("test-cards", "7", "test-cards@7", "testbank", "json"), (mapper.ProfileName, mapper.ProfileVersion, mapper.ProfileId, mapper.SourceSystem, mapper.Format));
        Assert.Equal("ingest.card-transactions", mapper.TargetTopic.Name);
    }

    [Theory]
    [InlineData("mcc: { const: \"5812\" }", "mccc: { const: \"5812\" }", "'mccc' is not a field of CardTransaction")]
    [InlineData("  mcc: { const: \"5812\" }\n", "", "CardTransaction.mcc (string) is required by the schema but not mapped")]
    [InlineData("transform: [currency]", "transform: [currencyy]", "transform 'currencyy' is unknown")]
    [InlineData("format: yyyyMMdd,", "format: \"yyyy'MM\",", "date format 'yyyy'MM' is not a usable .NET date format")]
    [InlineData("timeZone: Europe/Berlin", "timeZone: Europe/Gotham", "time zone 'Europe/Gotham' is unknown")]
    [InlineData("format: json", "format: xml", "format 'xml' is unknown")]
    [InlineData("target: ingest.card-transactions", "target: ingest.cards", "target topic 'ingest.cards' is not in the topic catalog")]
    [InlineData("culture: de-DE", "culture: xx-YY", "culture 'xx-YY' is unknown")]
    [InlineData("employeeId: $.employee", "employeeId: employee", "JSON path 'employee' must start with '$'")]
    [InlineData("mcc: { const: \"5812\" }", "mcc: { const: \"5812\", colour: red }", "'colour' is not a key of a field mapping")]
    [InlineData("sourceId: $.id", "sourceKey: $.id", "'sourceKey' is not a key of a profile")]
    public void Profile_errors_name_the_file_the_line_and_the_problem(string from, string to, string problem)
    {
        var yaml = MinimalProfile.With(from, to);
        var error = LoadError(yaml);

        Assert.Contains(problem, error.Message);
        Assert.StartsWith("profiles/test-cards.yaml:", error.Message);
        Assert.Equal("profiles/test-cards.yaml", error.File);
        var expectedLine = to.Length > 0 ? yaml[..yaml.IndexOf(to, StringComparison.Ordinal)].Count(c => c == '\n') + 1 : MinimalProfile.LineOf("fields:") + 1;
        Assert.Equal(expectedLine, error.Line);
    }

    [Fact]
    public void A_const_that_is_not_an_enum_symbol_is_refused_at_load()
    {
        var error = Assert.Throws<MappingProfileException>(() => new MappingProfileLoader().Load(
            """
            name: po
            version: 1
            sourceSystem: s
            format: json
            target: ingest.purchase-orders
            sourceId: $.id
            fields:
              poNumber: $.id
              legalEntityId: $.le
              supplierId: $.s
              requesterId: $.r
              costCenterId: $.cc
              lines: { items: $.lines, fields: { lineNumber: $.n, item: $.i, quantity: $.q, unitPrice: { amount: $.p, currency: $.c }, lineAmount: { amount: $.t, currency: $.c }, glAccountId: $.g } }
              total: { amount: $.t, currency: $.c }
              status: { const: SHIPPED }
            """, "po.yaml"));

        Assert.Equal(15, error.Line);
        Assert.Contains("'SHIPPED' does not fit the field's type enum PurchaseOrderStatus (DRAFT, APPROVED, CANCELLED, CLOSED)", error.Message);
    }

    [Fact]
    public void Invalid_yaml_names_the_line_of_the_syntax_error()
    {
        var error = LoadError("name: x\nversion: 1\nfields: [unclosed\n");

        Assert.Contains("is not valid YAML", error.Message);
        Assert.True(error.Line >= 3, $"line {error.Line}");
    }

    [Fact]
    public void Mapping_the_envelope_is_refused_because_the_engine_fills_it()
    {
        var error = LoadError(MinimalProfile.With("  transactionId: $.id", "  envelope: { sourceId: $.id }\n  transactionId: $.id"));

        Assert.Contains("'envelope' is filled by the engine", error.Message);
    }
}
