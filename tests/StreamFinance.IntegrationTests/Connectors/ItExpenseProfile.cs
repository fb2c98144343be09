using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Sources;
using StreamFinance.Connectors.Sources.Formats;

namespace StreamFinance.IntegrationTests.Connectors;

/// <summary>
/// A real mapping profile for the scenarios: <c>it-expenses@1</c>, CSV <c>id,amount</c> to <c>ingest.expenses</c>, written
/// as YAML into a temporary profile folder and loaded by the mapping engine's <see cref="MappingProfileCatalog"/>, read
/// with the real <see cref="CsvFormat"/>. Idempotency keys are the engine's: <c>it-vendor:ingest.expenses:&lt;id&gt;</c>.
/// An amount that is not a number is <c>MAPPING_FAILED</c>; a row with the wrong number of columns is <c>PARSE_FAILED</c>.
/// </summary>
public static class ItExpenseProfile
{
    /// <summary>The profile id written into envelopes and dead letters.</summary>
    public const string ProfileId = "it-expenses@1";

    /// <summary>The profile's YAML.</summary>
    public const string Yaml = """
        name: it-expenses
        version: 1
        sourceSystem: it-vendor
        format: csv
        target: ingest.expenses
        sourceId: id
        eventTime: { const: "2026-11-20T00:00:00Z" }
        fields:
          reportId: { const: RPT-1 }
          expenseId: id
          employeeId: { const: E-1 }
          merchant: { const: Cafe }
          category: { const: MEALS }
          transactionDate: { const: "2026-11-20" }
          amount:
            amount: { path: amount, transform: [decimal] }
            currency: { const: USD }
          receiptAttached: { const: "true" }
          description: id
        """;

    /// <summary>Loads the profile from a fresh temporary folder, as the host loads its profile folder; returns the mapper and the CSV format.</summary>
    public static (IRecordMapper Mapper, ISourceFormat Format) Load()
    {
        var directory = Directory.CreateTempSubdirectory("sf-it-profiles-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "it-expenses.yaml"), Yaml);
            using var catalog = new MappingProfileCatalog(directory, watch: false);
            var mapper = catalog.Get("it-expenses");
            return (mapper, SourceFormats.Default.Get(mapper.Format));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
