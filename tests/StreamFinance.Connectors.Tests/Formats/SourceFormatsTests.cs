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
        Assert.Contains("csv, jsonl, json, x12", Assert.Throws<KeyNotFoundException>(() => SourceFormats.Default.Get("xml")).Message);

    [Fact]
    public void The_default_formats_include_x12_by_name_ignoring_case() =>
        Assert.IsType<StreamFinance.Connectors.Sources.X12.X12Format>(SourceFormats.Default.Get("X12"));

    [Fact]
    public void Two_formats_with_one_name_are_refused() =>
        Assert.Throws<ArgumentException>(() => SourceFormats.Default.With(new CsvFormat()));
}
