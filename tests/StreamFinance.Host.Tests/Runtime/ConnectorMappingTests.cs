using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using StreamFinance.Connectors.Sources.Formats;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Host.Configuration;
using StreamFinance.Host.Runtime;
using StreamFinance.TestSupport.Waiting;

namespace StreamFinance.Host.Tests.Runtime;

public sealed class ConnectorMappingTests : IDisposable
{
    private readonly string profiles = Directory.CreateTempSubdirectory("sf-host-mapping-").FullName;

    public void Dispose() => Directory.Delete(profiles, recursive: true);

    [Fact]
    public async Task An_edited_profile_applies_to_a_running_connectors_next_record_without_a_restart()
    {
        var file = Path.Combine(profiles, "t-expenses.yaml");
        await File.WriteAllTextAsync(file, Profile(version: 1, category: "MEALS"), TestContext.Current.CancellationToken);
        using var mapping = ConnectorMapping.Load(Settings(profiles), NullLoggerFactory.Instance);
        var mapper = mapping.Mappers!.Get("t-expenses");
        Assert.Equal("MEALS", Category(mapper.Map(Record(), DateTime.UtcNow).Record!.Value));

        await File.WriteAllTextAsync(file, Profile(version: 2, category: "TRAVEL"), TestContext.Current.CancellationToken);
        await Wait.UntilAsync("the edited profile (version 2) to be loaded", TimeSpan.FromSeconds(15), () => mapper.ProfileVersion == "2");

        Assert.Equal("t-expenses@2", mapper.ProfileId);
        Assert.Equal("TRAVEL", Category(mapper.Map(Record(), DateTime.UtcNow).Record!.Value));
    }

    [Fact]
    public void Without_a_configured_folder_the_shipped_profiles_next_to_the_executable_are_loaded()
    {
        using var mapping = ConnectorMapping.Load(Settings(null), NullLoggerFactory.Instance);

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "Profiles"), mapping.Directory);
        Assert.Contains("concur-expense-entries", mapping.ProfileNames);
        Assert.NotNull(mapping.Formats!.Find("csv"));
    }

    private static StreamFinanceSettings Settings(string? directory) =>
        StreamFinanceSettings.Bind(new ConfigurationBuilder()
            .AddInMemoryCollection(directory is null ? [] : [KeyValuePair.Create("Mapping:ProfilesDirectory", (string?)directory)]).Build());

    private static string Category(object value) => ((ExpenseLine)value).category;

    private static Connectors.Sources.SourceRecord Record() =>
        SourceFormats.Default.Get("csv").Read(Encoding.UTF8.GetBytes("id,amount\nX-1,4.20\n"), "t.csv", new Dictionary<string, string>()).Single().Record!;

    private static string Profile(int version, string category) => $$"""
        name: t-expenses
        version: {{version}}
        sourceSystem: t
        format: csv
        target: ingest.expenses
        sourceId: id
        fields:
          reportId: { const: R-1 }
          expenseId: id
          employeeId: { const: E-1 }
          merchant: { const: Cafe }
          category: { const: {{category}} }
          transactionDate: { const: "2026-11-20" }
          amount:
            amount: { path: amount, transform: [decimal] }
            currency: { const: USD }
          receiptAttached: { const: "true" }
          description: id
        """;
}
