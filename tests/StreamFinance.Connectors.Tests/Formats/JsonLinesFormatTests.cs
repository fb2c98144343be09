using System.Text;
using StreamFinance.Connectors.Sources.Formats;

namespace StreamFinance.Connectors.Tests.Formats;

public class JsonLinesFormatTests
{
    [Fact]
    public void Each_non_blank_line_is_a_record_and_a_bad_line_is_a_failure_with_its_bytes()
    {
        var payload = Encoding.UTF8.GetBytes("{\"id\":1}\r\n\n{bad json}\n[1,2]\n{\"id\":4}");

        var results = new JsonLinesFormat().Read(payload, "feed.jsonl", new Dictionary<string, string>()).ToList();

        Assert.Equal(4, results.Count);
        Assert.Equal(1, results[0].Record!.Position.Line);
        Assert.Equal("{\"id\":1}", Encoding.UTF8.GetString(results[0].Record!.Raw.Span));
        Assert.Equal(3, results[1].Failure!.Position.Line);
        Assert.Equal("{bad json}", Encoding.UTF8.GetString(results[1].Failure!.Raw.Span));
        Assert.Contains("not an object", results[2].Failure!.Message);
        Assert.Equal("4", results[3].Record!.Document.Value("$.id"));
    }
}
