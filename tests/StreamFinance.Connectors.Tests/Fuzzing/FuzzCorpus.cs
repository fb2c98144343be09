using System.Text;
using System.Text.Json.Nodes;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Sources.Formats;
using StreamFinance.Connectors.Tests.Support;
using StreamFinance.Connectors.Tests.X12;

namespace StreamFinance.Connectors.Tests.Fuzzing;

/// <summary>
/// The valid samples every fuzz target starts from: the shipped mapping profiles, each with the shipped sample files it
/// maps to at least one record (found, not listed, so a new profile or sample joins the fuzzing by itself), and JSON Lines
/// made from the JSON samples' record arrays.
/// </summary>
internal static class FuzzCorpus
{
    private static readonly string[] X12Tokens = ["~", "*", ":", "^", ">", "|", "ISA*00*          *00*", "GS*PO*", "ST*850*0001~", "SE*2*0001~", "GE*1*1~", "IEA*1*000000001~", "PO1*1*", "N1*ST*"];

    private static readonly Lazy<IReadOnlyList<SampleGroup>> ProfileGroups = new(LoadProfileGroups);

    /// <summary>Each shipped profile with the samples it maps.</summary>
    public static IReadOnlyList<SampleGroup> Profiles => ProfileGroups.Value;

    /// <summary>The profile groups of <paramref name="format"/>, one per distinct set of format options.</summary>
    public static IReadOnlyList<SampleGroup> OfFormat(string format) =>
        Profiles.Where(g => g.Format.Name == format)
            .GroupBy(g => string.Join('&', g.Options.OrderBy(o => o.Key).Select(o => $"{o.Key}={o.Value}")))
            .Select(same => new SampleGroup($"{format}[{same.Key}]", same.First().Format, same.First().Options,
                same.SelectMany(g => g.Samples).Distinct().ToList(), extraTokens: format == "x12" ? X12Tokens : null))
            .ToList();

    /// <summary>JSON Lines: each JSON sample's records, one per line.</summary>
    public static IReadOnlyList<SampleGroup> JsonLines()
    {
        var samples = new List<byte[]>();
        foreach (var group in Profiles.Where(g => g.Format.Name == "json"))
            foreach (var sample in group.Samples)
            {
                var node = JsonNode.Parse(sample);
                if (group.Options.TryGetValue("records", out var path) && path.StartsWith("$.", StringComparison.Ordinal))
                    node = node?[path[2..]];
                if (node is JsonArray records)
                    samples.Add(Encoding.UTF8.GetBytes(string.Join('\n', records.Select(r => r?.ToJsonString()))));
            }
        return [new SampleGroup("jsonl", new JsonLinesFormat(), new Dictionary<string, string>(), samples.Distinct().ToList())];
    }

    private static IReadOnlyList<SampleGroup> LoadProfileGroups()
    {
        var samples = Directory.EnumerateFiles(ProfileSamples.SampleDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes).ToList();
        samples.Add(X12Text.Bytes(X12Text.PurchaseOrders(X12Text.PurchaseOrder(), X12Text.PurchaseOrder("0002", "PO-2"))));
        var groups = new List<SampleGroup>();
        foreach (var file in Directory.EnumerateFiles(ProfileSamples.ProfileDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var mapper = new MappingProfileLoader().LoadFile(file);
            var format = SourceFormats.Default.Get(mapper.Format);
            var mapped = samples.Where(sample => format.Read(sample, "corpus", mapper.FormatOptions)
                .Any(read => read.Record is not null && mapper.Map(read.Record, ProfileSamples.IngestTime).Record is not null)).ToList();
            Assert.True(mapped.Count > 0, $"No shipped sample maps to a record under profile {Path.GetFileName(file)}: add one to Samples/ so it is fuzzed.");
            groups.Add(new SampleGroup(mapper.ProfileId, format, mapper.FormatOptions, mapped, mapper, mapper.Format == "x12" ? X12Tokens : null));
        }
        return groups;
    }

}
