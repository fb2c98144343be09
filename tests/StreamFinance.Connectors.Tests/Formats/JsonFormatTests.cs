using System.Text;
using System.Text.Json;
using StreamFinance.Connectors.Sources;
using StreamFinance.Connectors.Sources.Formats;

namespace StreamFinance.Connectors.Tests.Formats;

public class JsonFormatTests
{
    private static List<SourceReadResult> Read(string json, string? records = null) =>
        new JsonFormat().Read(Encoding.UTF8.GetBytes(json), "page", records is null ? new Dictionary<string, string>() : new() { ["records"] = records }).ToList();

    [Fact]
    public void Records_path_splits_the_array_and_raw_is_each_element()
    {
        var results = Read("""{"data":[{"id":"a","amount":1.50},{"id":"b"}],"page":{"next":null}}""", "$.data");

        Assert.Equal(["a", "b"], results.Select(r => r.Record!.Document.Value("$.id")));
        Assert.Equal([1L, 2L], results.Select(r => r.Record!.Position.Line));
        Assert.Equal("a", JsonDocument.Parse(results[0].Record!.Raw).RootElement.GetProperty("id").GetString());
        Assert.Equal("1.50", results[0].Record!.Document.Value("$.amount"));
    }

    [Fact]
    public void Without_records_a_root_array_is_split_and_a_root_object_is_one_record()
    {
        Assert.Equal(2, Read("""[{"a":1},{"a":2}]""").Count);
        Assert.Equal("1", Assert.Single(Read("""{"a":1}""")).Record!.Document.Value("$.a"));
    }

    [Fact]
    public void Invalid_json_is_one_failure_with_the_whole_payload()
    {
        var failure = Assert.Single(Read("{\"a\": [1,")).Failure!;

        Assert.Equal("{\"a\": [1,", Encoding.UTF8.GetString(failure.Raw.Span));
        Assert.Contains("not valid JSON", failure.Message);
    }

    [Fact]
    public void A_non_object_element_is_a_failure_and_the_others_parse()
    {
        var results = Read("""{"value":[{"a":1},42,{"a":3}]}""", "$.value");

        Assert.NotNull(results[1].Failure);
        Assert.Equal("3", results[2].Record!.Document.Value("$.a"));
    }

    [Fact]
    public void An_absent_or_null_records_array_is_an_empty_page() => Assert.Empty(Read("""{"data":null}""", "$.data"));

    [Fact]
    public void A_records_path_on_a_root_array_is_a_failure_naming_the_path() =>
        Assert.Contains("$.data", Assert.Single(Read("[{\"a\":1}]", "$.data")).Failure!.Message);
}
