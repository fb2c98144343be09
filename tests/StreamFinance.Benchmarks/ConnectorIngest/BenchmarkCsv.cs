using System.Globalization;
using System.Text;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Sources;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Topologies.DeadLetters;

namespace StreamFinance.Benchmarks.ConnectorIngest;

/// <summary>
/// The CSV format and expense profile the benchmark ingests with: a plain comma split (no quoting) and a fixed
/// column-to-field mapping. Stand-ins until the mapping engine's CSV format and profiles are merged; swap them for
/// <c>SourceFormats.Default.Get("csv")</c> and a catalog profile then.
/// </summary>
internal static class BenchmarkCsv
{
    public const string Header = "expense_id,employee_id,merchant,amount,currency,date";

    public static byte[] File(int rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 1; i <= rows; i++)
            text.Append(CultureInfo.InvariantCulture, $"EXP-{i:D7},E-{i % 500:D4},Merchant {i % 97},{(i % 9000) + 10}.{i % 100:D2},{(i % 3) switch { 0 => "USD", 1 => "EUR", _ => "JPY" }},2026-11-{1 + i % 25:D2}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public sealed class Format : ISourceFormat
    {
        public string Name => "csv";

        public IEnumerable<SourceReadResult> Read(ReadOnlyMemory<byte> payload, string location, IReadOnlyDictionary<string, string> options)
        {
            var lines = Encoding.UTF8.GetString(payload.Span).Split('\n');
            var header = lines[0].Split(',');
            for (var i = 1; i < lines.Length; i++)
            {
                if (lines[i].Length == 0)
                    continue;
                var raw = Encoding.UTF8.GetBytes(lines[i]);
                var cells = lines[i].Split(',');
                var position = new SourcePosition(location, i + 1);
                yield return cells.Length == header.Length
                    ? SourceReadResult.Parsed(new SourceRecord { Position = position, Raw = raw, Document = new Row(header, cells) })
                    : SourceReadResult.Unparseable(new SourceParseFailure(position, raw, $"{cells.Length} columns, the header has {header.Length}"));
            }
        }

        private sealed class Row(string[] header, string[] cells) : ISourceDocument
        {
            public string? Value(string path) => Array.IndexOf(header, path) is var i and >= 0 ? cells[i] : null;

            public IReadOnlyList<ISourceDocument> Items(string path) => [];
        }
    }

    public sealed class ExpenseMapper : IRecordMapper
    {
        public string ProfileName => "benchmark-expenses";

        public string ProfileVersion => "1";

        public string SourceSystem => "benchmark";

        public string Format => "csv";

        public IReadOnlyDictionary<string, string> FormatOptions { get; } = new Dictionary<string, string>();

        public TopicSpec TargetTopic => Topics.Expenses;

        public MappingResult Map(SourceRecord record, DateTime ingestTime)
        {
            var d = record.Document;
            var id = d.Value("expense_id")!;
            var currency = d.Value("currency")!;
            if (!decimal.TryParse(d.Value("amount"), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
                return MappingResult.Failed(new MappingFailure(ReasonCode.MappingFailed, $"amount '{d.Value("amount")}' is not a decimal", "amount"));
            if (currency == "JPY")
                amount = decimal.Truncate(amount);
            var date = DateTime.SpecifyKind(DateTime.ParseExact(d.Value("date")!, "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc);
            return MappingResult.Mapped(new MappedRecord(id, new ExpenseLine
            {
                envelope = new Envelope
                {
                    eventId = Guid.NewGuid(), correlationId = $"benchmark:{id}", sourceSystem = SourceSystem, sourceId = id,
                    eventTime = date, ingestTime = ingestTime, idempotencyKey = $"benchmark:{id}:1", mappingProfile = "benchmark-expenses@1",
                },
                reportId = "RPT-1", expenseId = id, employeeId = d.Value("employee_id")!, merchant = d.Value("merchant")!, category = "MEALS",
                transactionDate = date, amount = amount.ToMoney(currency), tax = null, receiptAttached = true, description = id,
            }));
        }
    }
}
