using System.Globalization;
using System.Text;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Sources;
using StreamFinance.Connectors.Sources.Formats;

namespace StreamFinance.Benchmarks.ConnectorIngest;

/// <summary>
/// What the benchmark ingests: a generated CSV expense file, read with the real <see cref="CsvFormat"/> and mapped by a
/// real mapping profile (<c>benchmark-expenses@1</c>, YAML written into a temporary profile folder and loaded by
/// <see cref="MappingProfileCatalog"/>), so the measured cost is the product's parse and map cost.
/// </summary>
internal static class BenchmarkExpenses
{
    public const string Header = "expense_id,employee_id,merchant,amount,currency,date";

    private const string ProfileYaml = """
        name: benchmark-expenses
        version: 1
        sourceSystem: benchmark
        format: csv
        target: ingest.expenses
        sourceId: expense_id
        eventTime: { path: date, transform: [{ date: { format: yyyy-MM-dd } }] }
        fields:
          reportId: { const: RPT-1 }
          expenseId: expense_id
          employeeId: employee_id
          merchant: { path: merchant, transform: [trim] }
          category: { const: MEALS }
          transactionDate: { path: date, transform: [{ date: { format: yyyy-MM-dd } }] }
          amount:
            amount: { path: amount, transform: [decimal] }
            currency: { path: currency, transform: [currency] }
          receiptAttached: { const: "true" }
          description: expense_id
        """;

    /// <summary>A CSV file of <paramref name="rows"/> expenses in USD, EUR and JPY (whole yen).</summary>
    public static byte[] File(int rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 1; i <= rows; i++)
        {
            var (currency, amount) = (i % 3) switch
            {
                0 => ("USD", $"{(i % 9000) + 10}.{i % 100:D2}"),
                1 => ("EUR", $"{(i % 9000) + 10}.{i % 100:D2}"),
                _ => ("JPY", $"{(i % 9000) * 100 + 1000}"),
            };
            text.Append(CultureInfo.InvariantCulture, $"EXP-{i:D7},E-{i % 500:D4},Merchant {i % 97},{amount},{currency},2026-11-{1 + i % 25:D2}\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Loads the benchmark profile as the host loads its profile folder; returns it with the CSV format it reads.</summary>
    public static (IRecordMapper Mapper, ISourceFormat Format) Load()
    {
        var directory = Directory.CreateTempSubdirectory("sf-bench-profiles-").FullName;
        try
        {
            System.IO.File.WriteAllText(Path.Combine(directory, "benchmark-expenses.yaml"), ProfileYaml);
            using var catalog = new MappingProfileCatalog(directory, watch: false);
            var mapper = catalog.Get("benchmark-expenses");
            return (mapper, SourceFormats.Default.Get(mapper.Format));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
