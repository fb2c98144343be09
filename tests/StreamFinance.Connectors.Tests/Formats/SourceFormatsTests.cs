using StreamFinance.Connectors.Sources.Formats;

namespace StreamFinance.Connectors.Tests.Formats;

public class SourceFormatsTests
{
    [Fact]
    public void Default_registry_finds_csv_jsonl_and_json_ignoring_case()
    {
        Assert.IsType<CsvFormat>(SourceFormats.Default.Get("CSV"));
        Assert.IsType<JsonLinesFormat>(SourceFormats.Default.Get("jsonl"));
        Assert.IsType<JsonFormat>(SourceFormats.Default.Get("Json"));
    }

    [Fact]
    public void Unknown_format_names_the_known_ones() =>
        Assert.Contains("csv", Assert.Throws<KeyNotFoundException>(() => SourceFormats.Default.Get("x12")).Message);

    [Fact]
    public void Two_formats_with_one_name_are_refused() =>
        Assert.Throws<ArgumentException>(() => SourceFormats.Default.With(new CsvFormat()));
}
