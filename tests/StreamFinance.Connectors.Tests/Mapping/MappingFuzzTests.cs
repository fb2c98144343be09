using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Sources;
using StreamFinance.Connectors.Sources.Formats;
using StreamFinance.Connectors.Tests.Support;

namespace StreamFinance.Connectors.Tests.Mapping;

public class MappingFuzzTests
{
    private static readonly MappingProfileCatalog Catalog = new(ProfileSamples.ProfileDirectory, watch: false);

    private static bool MapsOrFails(IRecordMapper mapper, SourceRecord record)
    {
        var result = mapper.Map(record, ProfileSamples.IngestTime);
        return (result.Record is null) != (result.Failure is null) && (result.Failure is null || result.Failure.Message.Contains(mapper.ProfileId));
    }

    [Property(MaxTest = 300)]
    public Property Random_field_values_map_or_fail_and_never_throw(string?[] values)
    {
        // Every path the minimal profile reads gets a random value (or is left out).
        string[] keys = ["id", "employee", "merchant", "posted", "date", "amount", "currency"];
        var document = new Dictionary<string, string?>();
        for (var i = 0; i < keys.Length && i < values.Length; i++)
            document[keys[i]] = values[i];
        var json = JsonSerializer.SerializeToUtf8Bytes(document);
        var record = new SourceRecord { Position = new SourcePosition("fuzz", 1), Raw = json, Document = JsonSourceDocument.Parse(json) };
        var mapper = new MappingProfileLoader().Load(MinimalProfile.Yaml, "fuzz.yaml");

        return MapsOrFails(mapper, record).Label(Encoding.UTF8.GetString(json));
    }

    [Property(MaxTest = 100)]
    public bool Every_record_of_a_mutated_sample_maps_or_fails_under_every_profile(int seed, byte[] noise)
    {
        foreach (var (profile, file) in new[] { ("concur-expense-entries", "concur/expense-entries-page-1.json"), ("sap-cost-centers", "sap/cost-centers.csv"), ("coupa-purchase-orders", "coupa/purchase-orders.json") })
        {
            var mapper = Catalog.Get(profile);
            var bytes = File.ReadAllBytes(Path.Combine(ProfileSamples.SampleDirectory, file));
            var random = new Random(seed);
            foreach (var b in noise)
                bytes[random.Next(bytes.Length)] = b;
            foreach (var read in SourceFormats.Default.Get(mapper.Format).Read(bytes, file, mapper.FormatOptions))
                if (read.Record is not null && !MapsOrFails(mapper, read.Record))
                    return false;
        }
        return true;
    }

    [Fact]
    public void Records_of_one_format_map_or_fail_under_profiles_of_another()
    {
        var csv = File.ReadAllBytes(Path.Combine(ProfileSamples.SampleDirectory, "sap/suppliers.csv"));
        var records = new CsvFormat().Read(csv, "suppliers.csv", new Dictionary<string, string> { ["delimiter"] = ";" }).Where(r => r.Record is not null).Select(r => r.Record!).ToList();

        Assert.All(Catalog.Profiles.Values, mapper => Assert.All(records, record => Assert.True(MapsOrFails(mapper, record), mapper.ProfileId)));
    }
}
