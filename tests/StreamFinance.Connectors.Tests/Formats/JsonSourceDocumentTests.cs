using System.Text;
using StreamFinance.Connectors.Sources.Formats;

namespace StreamFinance.Connectors.Tests.Formats;

public class JsonSourceDocumentTests
{
    private static readonly JsonSourceDocument Document = JsonSourceDocument.Parse(Encoding.UTF8.GetBytes(
        """{"a":{"b":"x"},"lines":[{"sku":"S1"},{"sku":"S2"}],"x y":true,"n":null,"e":"","num":12.50,"po-number":"P1"}"""));

    [Theory]
    [InlineData("$.a.b", "x")]
    [InlineData("$.lines[1].sku", "S2")]
    [InlineData("$['x y']", "true")]
    [InlineData("$[\"x y\"]", "true")]
    [InlineData("$.num", "12.50")]
    [InlineData("$.po-number", "P1")]
    [InlineData("$.n", null)]
    [InlineData("$.e", null)]
    [InlineData("$.missing.deeper", null)]
    [InlineData("$.lines[5].sku", null)]
    public void Paths_resolve_members_indexes_and_quoted_names(string path, string? expected) => Assert.Equal(expected, Document.Value(path));

    [Fact]
    public void Items_returns_array_elements_as_documents()
    {
        Assert.Equal(["S1", "S2"], Document.Items("$.lines").Select(i => i.Value("$.sku")));
        Assert.Empty(Document.Items("$.nothing"));
    }

    [Theory]
    [InlineData("a.b")]
    [InlineData("$..a")]
    [InlineData("$.a[x]")]
    [InlineData("$['unterminated")]
    public void Malformed_paths_throw_format_exception_naming_the_path(string path) =>
        Assert.Contains(path, Assert.Throws<FormatException>(() => Document.Value(path)).Message);
}
