using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamFinance.Connectors.Sources;
using StreamFinance.Connectors.Sources.Formats;

namespace StreamFinance.Connectors.Tests.Formats;

public class FormatFuzzTests
{
    private static readonly Dictionary<string, string> NoOptions = new();

    private static List<SourceReadResult> ReadAll(ISourceFormat format, byte[] bytes, IReadOnlyDictionary<string, string>? options = null) =>
        format.Read(bytes, "fuzz", options ?? NoOptions).ToList();

    private static bool EachIsRecordOrFailure(IEnumerable<SourceReadResult> results) =>
        results.All(r => (r.Record is null) != (r.Failure is null) && (r.Record?.Position ?? r.Failure!.Position).Line >= 1);

    [Property(MaxTest = 300)]
    public bool Random_bytes_never_throw_from_any_format(byte[] bytes) =>
        EachIsRecordOrFailure(ReadAll(new CsvFormat(), bytes))
        && EachIsRecordOrFailure(ReadAll(new CsvFormat(), bytes, new Dictionary<string, string> { ["delimiter"] = ";" }))
        && EachIsRecordOrFailure(ReadAll(new JsonLinesFormat(), bytes))
        && EachIsRecordOrFailure(ReadAll(new JsonFormat(), bytes))
        && EachIsRecordOrFailure(ReadAll(new JsonFormat(), bytes, new Dictionary<string, string> { ["records"] = "$.data" }));

    [Property(MaxTest = 300)]
    public Property Every_csv_row_is_a_record_or_a_failure(string[][] rows)
    {
        // Rows of random text (quoted when needed), some with the wrong number of columns.
        static string Field(string? text) => "\"" + (text ?? string.Empty).Replace("\"", "\"\"") + "\"";
        var data = rows.Where(r => r is { Length: > 0 }).ToList();
        var csv = new StringBuilder("a,b,c\n");
        foreach (var row in data)
            csv.Append(string.Join(',', row.Select(Field))).Append('\n');

        var results = ReadAll(new CsvFormat(), Encoding.UTF8.GetBytes(csv.ToString()));

        var expectedFailures = data.Count(r => r.Length != 3);
        return (results.Count == data.Count && results.Count(r => r.Failure is not null) == expectedFailures && EachIsRecordOrFailure(results))
            .Label($"{data.Count} rows, {results.Count} results");
    }

    [Property(MaxTest = 300)]
    public Property Every_non_blank_json_line_is_a_record_or_a_failure(string[] lines)
    {
        var cleaned = lines.Select(l => (l ?? string.Empty).Replace("\n", " ").Replace("\r", " ")).ToList();
        var payload = Encoding.UTF8.GetBytes(string.Join('\n', cleaned));

        var results = ReadAll(new JsonLinesFormat(), payload);

        return (results.Count == cleaned.Count(l => l.Trim(' ', '\t').Length > 0) && EachIsRecordOrFailure(results)).Label($"{results.Count} results");
    }

    [Property(MaxTest = 300)]
    public Property Every_element_of_the_records_array_is_a_record_or_a_failure(string?[] values)
    {
        var elements = values.Select((v, i) => i % 3 == 2 ? (object?)v : new Dictionary<string, string?> { ["v"] = v }).ToList();
        var payload = JsonSerializer.SerializeToUtf8Bytes(new { data = elements });

        var results = ReadAll(new JsonFormat(), payload, new Dictionary<string, string> { ["records"] = "$.data" });

        return (results.Count == elements.Count
                && results.Where((r, i) => i % 3 != 2).All(r => r.Record!.Document.Value("$.v") == (string.IsNullOrEmpty(values[results.IndexOf(r)]) ? null : values[results.IndexOf(r)])))
            .Label($"{elements.Count} elements, {results.Count} results");
    }

    [Property(MaxTest = 200)]
    public bool Mutated_sample_files_never_throw(int seed, byte[] noise)
    {
        foreach (var (file, format, options) in new (string, ISourceFormat, Dictionary<string, string>)[]
                 {
                     ("sap/cost-centers.csv", new CsvFormat(), new() { ["delimiter"] = ";" }),
                     ("concur/expense-entries-page-1.json", new JsonFormat(), new() { ["records"] = "$.Items" }),
                 })
        {
            var bytes = File.ReadAllBytes(Path.Combine(Support.ProfileSamples.SampleDirectory, file));
            var random = new Random(seed);
            foreach (var b in noise)
                bytes[random.Next(bytes.Length)] = b;
            if (!EachIsRecordOrFailure(ReadAll(format, bytes, options)))
                return false;
        }
        return true;
    }
}
