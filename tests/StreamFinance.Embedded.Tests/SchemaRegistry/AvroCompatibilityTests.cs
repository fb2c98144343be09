using StreamFinance.Embedded.SchemaRegistry;

namespace StreamFinance.Embedded.Tests.SchemaRegistry;

public class AvroCompatibilityTests
{
    private static string Record(string fields, string name = "R") =>
        $$"""{"type":"record","name":"{{name}}","namespace":"t","fields":[{{fields}}]}""";

    private static string Field(string type, string name = "f", string? defaultJson = null) =>
        defaultJson is null
            ? $$"""{"name":"{{name}}","type":{{type}}}"""
            : $$"""{"name":"{{name}}","type":{{type}},"default":{{defaultJson}}}""";

    private static IReadOnlyList<AvroIncompatibility> Check(string readerType, string writerType) =>
        AvroCompatibility.CanRead(Record(Field(readerType)), Record(Field(writerType)));

    [Theory]
    [InlineData("\"int\"", "\"long\"")]
    [InlineData("\"int\"", "\"float\"")]
    [InlineData("\"int\"", "\"double\"")]
    [InlineData("\"long\"", "\"float\"")]
    [InlineData("\"long\"", "\"double\"")]
    [InlineData("\"float\"", "\"double\"")]
    [InlineData("\"string\"", "\"bytes\"")]
    [InlineData("\"bytes\"", "\"string\"")]
    public void Writer_type_promotable_to_reader_type_is_readable(string writer, string reader) =>
        Assert.Empty(Check(reader, writer));

    [Theory]
    [InlineData("\"long\"", "\"int\"")]
    [InlineData("\"double\"", "\"float\"")]
    [InlineData("\"float\"", "\"long\"")]
    [InlineData("\"string\"", "\"int\"")]
    [InlineData("\"boolean\"", "\"int\"")]
    public void Narrowing_or_unrelated_primitive_is_reported_with_field_path(string writer, string reader)
    {
        var problem = Assert.Single(Check(reader, writer));
        Assert.Equal("$.f", problem.Path);
        Assert.Contains("cannot be read as reader type", problem.Message);
    }

    [Fact]
    public void Reader_field_missing_from_writer_without_default_is_reported()
    {
        var problems = AvroCompatibility.CanRead(
            Record(Field("\"int\"", "a") + "," + Field("\"string\"", "added")),
            Record(Field("\"int\"", "a")));

        var problem = Assert.Single(problems);
        Assert.Equal("$.added", problem.Path);
        Assert.Contains("no default", problem.Message);
    }

    [Fact]
    public void Reader_field_missing_from_writer_with_default_is_readable() =>
        Assert.Empty(AvroCompatibility.CanRead(
            Record(Field("\"int\"", "a") + "," + Field("[\"null\",\"string\"]", "added", "null")),
            Record(Field("\"int\"", "a"))));

    [Fact]
    public void Writer_only_field_is_skipped() =>
        Assert.Empty(AvroCompatibility.CanRead(
            Record(Field("\"int\"", "a")),
            Record(Field("\"int\"", "a") + "," + Field("\"string\"", "dropped"))));

    [Fact]
    public void Reader_field_alias_matches_renamed_writer_field() =>
        Assert.Empty(AvroCompatibility.CanRead(
            Record("""{"name":"total","aliases":["amount"],"type":"long"}"""),
            Record(Field("\"long\"", "amount"))));

    [Fact]
    public void Records_with_different_full_names_do_not_match()
    {
        var problem = Assert.Single(AvroCompatibility.CanRead(Record(Field("\"int\""), "A"), Record(Field("\"int\""), "B")));
        Assert.Equal("$", problem.Path);
    }

    [Fact]
    public void Reader_record_alias_matches_writer_full_name() =>
        Assert.Empty(AvroCompatibility.CanRead(
            """{"type":"record","name":"New","namespace":"t","aliases":["t.Old"],"fields":[{"name":"f","type":"int"}]}""",
            Record(Field("\"int\""), "Old")));

    [Fact]
    public void Writer_enum_symbol_missing_from_reader_without_default_is_reported()
    {
        var problem = Assert.Single(Check(
            """{"type":"enum","name":"E","symbols":["A","B"]}""",
            """{"type":"enum","name":"E","symbols":["A","B","C"]}"""));

        Assert.Equal("$.f", problem.Path);
        Assert.Contains("'C'", problem.Message);
    }

    [Fact]
    public void Writer_enum_symbol_missing_from_reader_with_default_is_readable() =>
        Assert.Empty(Check(
            """{"type":"enum","name":"E","symbols":["A","B","UNKNOWN"],"default":"UNKNOWN"}""",
            """{"type":"enum","name":"E","symbols":["A","B","C"]}"""));

    [Fact]
    public void Reader_enum_with_extra_symbols_reads_writer_enum() =>
        Assert.Empty(Check(
            """{"type":"enum","name":"E","symbols":["A","B","C"]}""",
            """{"type":"enum","name":"E","symbols":["A","B"]}"""));

    [Fact]
    public void Writer_union_branch_with_no_reader_branch_is_reported()
    {
        var problem = Assert.Single(Check("""["null","string"]""", """["null","int"]"""));

        Assert.Equal("$.f", problem.Path);
        Assert.Contains("'int'", problem.Message);
    }

    [Fact]
    public void Writer_union_subset_of_reader_union_is_readable() =>
        Assert.Empty(Check("""["null","string","long"]""", """["null","string"]"""));

    [Fact]
    public void Writer_union_branch_promotable_to_a_reader_branch_is_readable() =>
        Assert.Empty(Check("""["null","double"]""", """["null","int"]"""));

    [Fact]
    public void Non_union_writer_matching_a_reader_branch_is_readable() =>
        Assert.Empty(Check("""["null","string"]""", "\"string\""));

    [Fact]
    public void Non_union_writer_matching_no_reader_branch_is_reported() =>
        Assert.Single(Check("""["null","string"]""", "\"boolean\""));

    [Fact]
    public void Union_writer_against_non_union_reader_needs_every_branch_readable()
    {
        Assert.Empty(Check("\"long\"", """["int","long"]"""));
        var problem = Assert.Single(Check("\"string\"", """["null","string"]"""));
        Assert.Contains("'null'", problem.Message);
    }

    [Fact]
    public void Union_branches_are_resolved_recursively_by_record_name()
    {
        var readerInner = Record(Field("\"int\"", "x") + "," + Field("\"int\"", "y"), "Inner");
        var writerInner = Record(Field("\"int\"", "x"), "Inner");

        var problem = Assert.Single(Check($"[\"null\",{readerInner}]", $"[\"null\",{writerInner}]"));

        Assert.Equal("$.f.y", problem.Path);
    }

    [Fact]
    public void Nested_record_problems_carry_the_full_path()
    {
        var reader = Record(Field(Record(Field("""{"type":"array","items":{"type":"map","values":"int"}}""", "lines"), "Inner"), "inner"));
        var writer = Record(Field(Record(Field("""{"type":"array","items":{"type":"map","values":"string"}}""", "lines"), "Inner"), "inner"));

        var problem = Assert.Single(AvroCompatibility.CanRead(reader, writer));

        Assert.Equal("$.inner.lines[]{}", problem.Path);
        Assert.Equal("$.inner.lines[]{}: " + problem.Message, problem.ToString());
    }

    [Fact]
    public void Recursive_records_are_checked_without_looping() =>
        Assert.Empty(AvroCompatibility.CanRead(
            """{"type":"record","name":"Node","fields":[{"name":"v","type":"int"},{"name":"next","type":["null","Node"],"default":null}]}""",
            """{"type":"record","name":"Node","fields":[{"name":"v","type":"int"},{"name":"next","type":["null","Node"],"default":null}]}"""));

    [Fact]
    public void Fixed_size_change_is_reported() =>
        Assert.Contains("size", Assert.Single(Check(
            """{"type":"fixed","name":"H","size":16}""",
            """{"type":"fixed","name":"H","size":32}""")).Message);

    [Fact]
    public void Decimal_with_same_precision_and_scale_is_readable() =>
        Assert.Empty(Check(
            """{"type":"bytes","logicalType":"decimal","precision":18,"scale":2}""",
            """{"type":"bytes","logicalType":"decimal","precision":18,"scale":2}"""));

    [Theory]
    [InlineData(18, 4)]
    [InlineData(20, 2)]
    public void Decimal_with_different_precision_or_scale_is_reported(int writerPrecision, int writerScale)
    {
        var problem = Assert.Single(Check(
            """{"type":"bytes","logicalType":"decimal","precision":18,"scale":2}""",
            $$"""{"type":"bytes","logicalType":"decimal","precision":{{writerPrecision}},"scale":{{writerScale}}}"""));

        Assert.Contains("decimal(18,2)", problem.Message);
        Assert.Contains($"decimal({writerPrecision},{writerScale})", problem.Message);
    }

    [Fact]
    public void Decimal_read_from_plain_bytes_is_reported() =>
        Assert.Single(Check("""{"type":"bytes","logicalType":"decimal","precision":18,"scale":2}""", "\"bytes\""));

    [Fact]
    public void Other_logical_types_compare_their_underlying_types()
    {
        Assert.Empty(Check("\"long\"", """{"type":"long","logicalType":"timestamp-millis"}"""));
        Assert.Empty(Check("""{"type":"long","logicalType":"timestamp-micros"}""", """{"type":"int","logicalType":"date"}"""));
        Assert.Single(Check("""{"type":"int","logicalType":"date"}""", """{"type":"long","logicalType":"timestamp-millis"}"""));
    }

    [Fact]
    public void Every_problem_is_listed_not_only_the_first()
    {
        var problems = AvroCompatibility.CanRead(TestSchemas.PaymentV2WithRequiredCurrency, TestSchemas.PaymentV2WithIntNote);

        Assert.Equal(["$.note", "$.currency"], problems.Select(p => p.Path));
    }
}
