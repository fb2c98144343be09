using System.Text;
using StreamFinance.Connectors.Sources;
using StreamFinance.Connectors.Sources.Formats;

namespace StreamFinance.Connectors.Tests.Fuzzing;

/// <summary>
/// What the fuzzing of issue 14 found, pinned (seed 20261207): JSON the reader accepts but whose text cannot be read
/// (an escaped lone surrogate, bytes that are not UTF-8) threw out of the formats and stopped the whole payload.
/// </summary>
public sealed class FuzzFindingsTests
{
    private static readonly Dictionary<string, string> ValueRecords = new() { [JsonFormat.RecordsOption] = "$.value" };

    [Theory]
    [InlineData("\"U\\uDC00xSD\"")] // json input 453: a lone low surrogate
    [InlineData("\"US\\uD800\"")]
    public void A_json_record_with_an_escaped_lone_surrogate_is_a_stated_failure_and_the_next_record_is_read(string currency)
    {
        var payload = Encoding.UTF8.GetBytes($$"""{"value":[{"id":"US01","currency":{{currency}}},{"id":"DE01","currency":"EUR"}]}""");

        var results = new JsonFormat().Read(payload, "page.json", ValueRecords).ToList();

        Assert.Contains("not valid Unicode", Assert.IsType<SourceParseFailure>(results[0].Failure).Message);
        Assert.Equal("DE01", results[1].Record!.Document.Value("$.id"));
    }

    [Fact]
    public void A_json_record_with_bytes_that_are_not_utf8_is_a_stated_failure_with_its_exact_bytes()
    {
        // json input 533: F4 90 80 80 lies beyond U+10FFFF; the reader let it through, reading it threw.
        var record = Encoding.Latin1.GetBytes("{\"name\":\"Demo ").Concat(new byte[] { 0xF4, 0x90, 0x80, 0x80 }).Concat(Encoding.Latin1.GetBytes(" GmbH\"}")).ToArray();
        var payload = Encoding.UTF8.GetBytes("{\"value\":[").Concat(record).Concat(Encoding.UTF8.GetBytes("]}")).ToArray();

        var failure = Assert.Single(new JsonFormat().Read(payload, "page.json", ValueRecords)).Failure;

        Assert.Contains("not valid Unicode", failure!.Message);
        Assert.Equal(record, failure.Raw.ToArray());
    }

    [Fact]
    public void A_member_name_on_the_records_path_with_an_escaped_lone_surrogate_is_a_stated_failure()
    {
        // mapping input 24530: "valu\uD800e" beside the records path.
        var payload = Encoding.UTF8.GetBytes("""{"valu\uD800e":[{"id":"US01"}]}""");

        var failure = Assert.Single(new JsonFormat().Read(payload, "page.json", ValueRecords)).Failure;

        Assert.Contains("records path $.value is not valid Unicode", failure!.Message);
    }

    [Fact]
    public void A_json_line_or_a_root_object_with_an_escaped_lone_surrogate_is_a_stated_failure()
    {
        var lines = new JsonLinesFormat().Read(Encoding.UTF8.GetBytes("{\"id\":\"\\uD800\"}\n{\"id\":\"ok\"}"), "lines.jsonl", new Dictionary<string, string>()).ToList();
        var root = Assert.Single(new JsonFormat().Read(Encoding.UTF8.GetBytes("{\"i\\uDC00d\":1}"), "one.json", new Dictionary<string, string>()));

        Assert.Contains("not valid Unicode", lines[0].Failure!.Message);
        Assert.Equal("ok", lines[1].Record!.Document.Value("$.id"));
        Assert.Contains("not valid Unicode", root.Failure!.Message);
    }
}
