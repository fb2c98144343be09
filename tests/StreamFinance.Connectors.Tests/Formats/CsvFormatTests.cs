using System.Text;
using StreamFinance.Connectors.Sources;
using StreamFinance.Connectors.Sources.Formats;

namespace StreamFinance.Connectors.Tests.Formats;

public class CsvFormatTests
{
    private static List<SourceReadResult> Read(string csv, params (string, string)[] options) =>
        new CsvFormat().Read(Encoding.UTF8.GetBytes(csv), "test.csv", options.ToDictionary(o => o.Item1, o => o.Item2)).ToList();

    [Fact]
    public void Rows_are_addressed_by_header_and_positioned_at_their_physical_line()
    {
        var results = Read("id,amount,note\n1,10.50,plain\n\n2,20.00,\"two\nlines\"\n3,30.00,after\n");

        Assert.All(results, r => Assert.NotNull(r.Record));
        Assert.Equal([2L, 4L, 6L], results.Select(r => r.Record!.Position.Line));
        Assert.Equal("two\nlines", results[1].Record!.Document.Value("note"));
        Assert.Equal("30.00", results[2].Record!.Document.Value("amount"));
        Assert.Equal("3,30.00,after", Encoding.UTF8.GetString(results[2].Record!.Raw.Span));
        Assert.Null(results[0].Record!.Document.Value("missing column"));
    }

    [Fact]
    public void Delimiter_option_reads_semicolon_files_with_quoted_delimiters()
    {
        var results = Read("KOSTL;KTEXT\nCC-1;\"a;b\"\n", ("delimiter", ";"));

        Assert.Equal("a;b", Assert.Single(results).Record!.Document.Value("KTEXT"));
    }

    [Fact]
    public void Wrong_column_count_is_a_failure_with_its_bytes_and_reading_goes_on()
    {
        var results = Read("a,b,c\n1,2,3\n4,5\n6,7,8\n");

        Assert.Equal(3, results.Count);
        var failure = results[1].Failure!;
        Assert.Equal(3, failure.Position.Line);
        Assert.Equal("4,5", Encoding.UTF8.GetString(failure.Raw.Span));
        Assert.Contains("column count", failure.Message);
        Assert.Equal("8", results[2].Record!.Document.Value("c"));
    }

    [Fact]
    public void Bad_quoting_is_a_failure_and_the_next_row_still_parses()
    {
        var results = Read("a,b\n1,x\"y\"z\n2,ok\n");

        Assert.NotNull(results.Single(r => r.Failure is not null).Failure);
        Assert.Equal("ok", results.Last().Record!.Document.Value("b"));
    }

    [Fact]
    public void An_unusable_delimiter_is_one_failure_naming_the_option()
    {
        var failure = Assert.Single(Read("a\n1\n", ("delimiter", "::"))).Failure!;

        Assert.Contains("delimiter", failure.Message);
    }

    [Fact]
    public void Empty_payload_yields_nothing() => Assert.Empty(Read(string.Empty));
}
