using System.Text;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Sources;
using StreamFinance.Connectors.Sources.Formats;
using StreamFinance.Connectors.Tests.Support;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;

namespace StreamFinance.Connectors.Tests.Mapping;

/// <summary>Filters, fallback paths, field defaults, optional template parts, match, present and typed reads, each changed into the minimal profile.</summary>
public class MappingLanguageTests
{
    private const string Good = """{"id":"T1","employee":"E-US01-001","posted":"20261121","date":"2026-11-20","amount":"1.234,5","currency":"usd"}""";

    private static IRecordMapper Load(string from, string to) => new MappingProfileLoader().Load(MinimalProfile.With(from, to), "test-cards.yaml");

    private static MappingResult Map(IRecordMapper mapper, string json) => mapper.Map(new SourceRecord
    {
        Position = new SourcePosition("test", 1), Raw = Encoding.UTF8.GetBytes(json), Document = JsonSourceDocument.Parse(Encoding.UTF8.GetBytes(json)),
    }, ProfileSamples.IngestTime);

    private static CardTransaction Mapped(IRecordMapper mapper, string json) =>
        (CardTransaction)(Map(mapper, json).Record ?? throw new Xunit.Sdk.XunitException(Map(mapper, json).Failure!.Message)).Value;

    /// <summary><paramref name="json"/> with <paramref name="members"/> added, written with single quotes.</summary>
    private static string With(string json, string members) => json[..^1] + "," + members.Replace('\'', '"') + "}";

    private static MappingProfileException LoadError(string from, string to, string problem)
    {
        var error = Assert.Throws<MappingProfileException>(() => Load(from, to));
        Assert.Equal(MinimalProfile.LineOf(from), error.Line);
        Assert.Contains(problem, error.Problem);
        Assert.StartsWith("test-cards.yaml:", error.Message);
        return error;
    }

    [Fact]
    public void A_filter_path_picks_the_array_element_selected_by_a_nested_field_as_in_Ramp_accounting_field_selections()
    {
        var mapper = Load("employeeId: $.employee", "employeeId: $.accounting_field_selections[?(@.category_info.external_id=='cost_center')].external_id");
        var json = With(Good, """
            "accounting_field_selections":[{"category_info":{"external_id":"gl_account"},"external_id":"650200"},
                                           {"category_info":{"external_id":"cost_center"},"external_id":"CC-1020"}]
            """);

        Assert.Equal("CC-1020", Mapped(mapper, json).employeeId);
        var failure = Map(mapper, With(Good, "'accounting_field_selections':[]")).Failure!;
        Assert.Equal(ReasonCode.MappingFailed, failure.Reason);
        Assert.Contains("employeeId: required value missing at $.accounting_field_selections[?(@.category_info.external_id=='cost_center')].external_id", failure.Message);
    }

    [Fact]
    public void A_malformed_filter_fails_the_load_naming_file_and_line() =>
        LoadError("employeeId: $.employee", "employeeId: $.selections[?(@.type=='cc'].id", "without its closing ')]'");

    [Fact]
    public void A_path_list_reads_the_first_present_path()
    {
        var mapper = Load("employeeId: $.employee", "employeeId: { path: [$.employee, $.card_holder.employee_id] }");
        var withoutEmployee = Good.Replace("\"employee\":\"E-US01-001\",", string.Empty, StringComparison.Ordinal);

        Assert.Equal("E-US01-001", Mapped(mapper, With(Good, "'card_holder':{'employee_id':'E-2'}")).employeeId);
        Assert.Equal("E-2", Mapped(mapper, With(withoutEmployee, "'card_holder':{'employee_id':'E-2'}")).employeeId);
        Assert.Equal("E-3", Mapped(Load("employeeId: $.employee", "employeeId: [$.employee, $.holder]"), With(withoutEmployee, "'holder':'E-3'")).employeeId);
        Assert.Contains("employeeId: required value missing at $.employee | $.card_holder.employee_id", Map(mapper, withoutEmployee).Failure!.Message);
    }

    [Fact]
    public void An_empty_path_list_fails_the_load() =>
        LoadError("employeeId: $.employee", "employeeId: { path: [] }", "at least one path");

    [Fact]
    public void A_default_can_read_another_field_with_its_own_transforms_while_a_constant_default_stays_as_written()
    {
        var mapper = Load("""merchant: { path: $.merchant, default: "unknown" }""", "merchant: { path: $.merchant, default: { path: $.descriptor, transform: [trim, upper] } }");

        Assert.Equal("Acme", Mapped(mapper, With(Good, "'merchant':'Acme','descriptor':' x '")).merchant);
        Assert.Equal("UNITED 0162", Mapped(mapper, With(Good, "'descriptor':' united 0162 '")).merchant);
        Assert.Equal("unknown", Mapped(new MappingProfileLoader().Load(MinimalProfile.Yaml, "test-cards.yaml"), Good).merchant);
        Assert.Contains("merchant: required value missing at $.merchant", Map(mapper, Good).Failure!.Message);
    }

    [Fact]
    public void A_default_mapping_without_a_source_fails_the_load() =>
        LoadError("""merchant: { path: $.merchant, default: "unknown" }""", "merchant: { path: $.merchant, default: { transform: [trim] } }", "give a path, const, template, product, sum, present or default");

    [Fact]
    public void An_optional_template_part_reads_empty_when_absent_and_a_required_part_still_decides()
    {
        var mapper = Load("""merchant: { path: $.merchant, default: "unknown" }""", """merchant: { template: "{$.merchant}{?$.city}", default: "unknown" }""");

        Assert.Equal("AcmeBerlin", Mapped(mapper, With(Good, "'merchant':'Acme','city':'Berlin'")).merchant);
        Assert.Equal("Acme", Mapped(mapper, With(Good, "'merchant':'Acme'")).merchant);
        Assert.Equal("unknown", Mapped(mapper, With(Good, "'city':'Berlin'")).merchant);
        var onlyOptional = Load("""merchant: { path: $.merchant, default: "unknown" }""", """merchant: { template: "{?$.merchant}{?$.city}", default: "unknown" }""");
        Assert.Equal("Berlin", Mapped(onlyOptional, With(Good, "'city':'Berlin'")).merchant);
        Assert.Equal("unknown", Mapped(onlyOptional, Good).merchant);
    }

    [Fact]
    public void An_optional_template_part_with_a_bad_path_fails_the_load() =>
        LoadError("""merchant: { path: $.merchant, default: "unknown" }""", """merchant: { template: "{$.merchant}{?city}" }""", "must start with '$'");

    [Fact]
    public void Match_accepts_a_value_matching_whole_and_fails_mapping_otherwise()
    {
        var mapper = Load("transactionId: $.id", """transactionId: { path: $.id, match: "T[0-9]+" }""");

        Assert.Equal("T1", Mapped(mapper, Good).transactionId);
        var failure = Map(mapper, Good.Replace("\"T1\"", "\"XT1\"", StringComparison.Ordinal)).Failure!;
        Assert.Equal((ReasonCode.MappingFailed, "transactionId"), (failure.Reason, failure.Field));
        Assert.Contains("transactionId: 'XT1' at $.id does not match the profile's pattern /^(?:T[0-9]+)$/", failure.Message);
    }

    [Fact]
    public void An_invalid_match_pattern_fails_the_load() =>
        LoadError("transactionId: $.id", """transactionId: { path: $.id, match: "T[0-9" }""", "is not a valid regular expression");

    [Fact]
    public void A_const_that_does_not_match_its_pattern_fails_the_load() =>
        LoadError("""mcc: { const: "5812" }""", """mcc: { const: "58", match: "[0-9]{4}" }""", "does not match the field's pattern");

    [Fact]
    public void A_number_declared_by_the_vendor_schema_sent_as_a_string_is_schema_invalid()
    {
        var mapper = new MappingProfileLoader().Load(MinimalProfile.Yaml.Replace("amount: { path: $.amount, transform: [{ decimal: { culture: de-DE } }] }", "amount: { path: $.amount, type: number, transform: [decimal] }", StringComparison.Ordinal), "test-cards.yaml");

        Assert.Equal(12.5m, Mapped(mapper, Good.Replace("\"1.234,5\"", "12.50", StringComparison.Ordinal)).amount.ToDecimal());
        var failure = Map(mapper, Good.Replace("\"1.234,5\"", "\"12.50\"", StringComparison.Ordinal)).Failure!;
        Assert.Equal((ReasonCode.SchemaInvalid, "amount.amount"), (failure.Reason, failure.Field));
        Assert.Contains("amount.amount: '12.50' at $.amount is a JSON string, but the profile declares it a JSON number", failure.Message);
    }

    [Theory]
    [InlineData("\"amount\":\"1.234,5\"", "\"amount\":true", "amount.amount", "'true' at $.amount is a JSON boolean, but a decimal belongs there")]
    [InlineData("\"employee\":\"E-US01-001\"", "\"employee\":{\"id\":\"E-1\"}", "employeeId", "at $.employee is a JSON object, but a single string value belongs there")]
    [InlineData("\"employee\":\"E-US01-001\"", "\"employee\":[\"E-1\"]", "employeeId", "'[\"E-1\"]' at $.employee is a JSON array")]
    [InlineData("\"employee\":\"E-US01-001\"", "\"employee\":null", "employeeId", "employeeId: null at $.employee, but the target field requires a value")]
    [InlineData("\"id\":\"T1\"", "\"id\":null", "sourceId", "sourceId: null at $.id")]
    public void A_core_value_of_the_wrong_json_type_or_null_is_schema_invalid(string from, string to, string field, string message)
    {
        var failure = Map(new MappingProfileLoader().Load(MinimalProfile.Yaml, "test-cards.yaml"), Good.Replace(from, to, StringComparison.Ordinal)).Failure!;

        Assert.Equal((ReasonCode.SchemaInvalid, field), (failure.Reason, failure.Field));
        Assert.Contains(message, failure.Message);
        Assert.StartsWith("test-cards@7 ", failure.Message);
    }

    [Theory]
    [InlineData("\"currency\":\"usd\"", "\"currency\":\"XXY\"", "amount.currency", "'XXY' at $.currency is not a known ISO 4217 currency code")]
    [InlineData("\"amount\":\"1.234,5\"", "\"amount\":\"1.2x\"", "amount.amount", "is not a decimal")]
    [InlineData("\"employee\":\"E-US01-001\",", "", "employeeId", "required value missing at $.employee")]
    public void A_well_typed_value_that_cannot_be_mapped_or_an_absent_one_is_mapping_failed(string from, string to, string field, string message)
    {
        var failure = Map(new MappingProfileLoader().Load(MinimalProfile.Yaml, "test-cards.yaml"), Good.Replace(from, to, StringComparison.Ordinal)).Failure!;

        Assert.Equal((ReasonCode.MappingFailed, field), (failure.Reason, failure.Field));
        Assert.Contains(message, failure.Message);
    }

    [Fact]
    public void A_null_in_a_field_with_a_default_takes_the_default()
    {
        var mapper = new MappingProfileLoader().Load(MinimalProfile.Yaml, "test-cards.yaml");

        Assert.Equal("unknown", Mapped(mapper, With(Good, "'merchant':null")).merchant);
    }

    [Fact]
    public void An_unknown_declared_type_fails_the_load() =>
        LoadError("transactionId: $.id", "transactionId: { path: $.id, type: text }", "type 'text' is unknown; use one of string, number, integer, boolean");

    [Fact]
    public void A_declared_type_in_a_csv_profile_fails_the_load()
    {
        var yaml = MinimalProfile.With("format: json", "format: csv").Replace("transactionId: $.id", "transactionId: { path: id, type: string }", StringComparison.Ordinal)
            .Replace("$.", string.Empty, StringComparison.Ordinal);

        var error = Assert.Throws<MappingProfileException>(() => new MappingProfileLoader().Load(yaml, "test-cards.yaml"));

        Assert.Contains("needs a json or jsonl profile", error.Problem);
        Assert.Equal(MinimalProfile.LineOf("transactionId: $.id"), error.Line);
    }

    [Theory]
    [InlineData("'receipts':['9d2b6f1e']", true)]
    [InlineData("'receipts':[{'id':'receipt_1'}]", true)]
    [InlineData("'receipts':[]", false)]
    [InlineData("'receipts':null", false)]
    [InlineData("'receipts':''", false)]
    [InlineData("'other':1", false)]
    public void Present_says_whether_the_source_holds_a_value_at_a_path_a_non_empty_list_counting_as_one(string members, bool expected)
    {
        var mapper = Load("mcc: { const: \"5812\" }", "mcc: { const: \"5812\" }\n  receiptAttached: { present: $.receipts }");

        Assert.Equal(expected, Mapped(mapper, With(Good, members)).receiptAttached);
    }

    [Fact]
    public void Present_with_a_path_list_is_true_when_any_path_holds_a_value_and_takes_transforms()
    {
        var mapper = Load("employeeId: $.employee", "employeeId: { present: [$.receipts, $.receipt_id], transform: [{ map: { values: { 'true': WITH, 'false': WITHOUT } } }] }");

        Assert.Equal("WITH", Mapped(mapper, With(Good, "'receipts':[],'receipt_id':'R-1'")).employeeId);
        Assert.Equal("WITHOUT", Mapped(mapper, With(Good, "'receipts':[]")).employeeId);
    }

    [Fact]
    public void Present_and_path_together_fail_the_load() =>
        LoadError("employeeId: $.employee", "employeeId: { path: $.employee, present: $.receipts }", "give only one of path, const, template, product, sum and present.");
}
