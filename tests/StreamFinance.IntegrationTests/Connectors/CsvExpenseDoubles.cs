using System.Globalization;
using System.Text;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Sources;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Topologies.DeadLetters;

namespace StreamFinance.IntegrationTests.Connectors;

/// <summary>
/// A CSV format (comma split, header first) and an expense profile (<c>id,amount</c>) standing in for the mapping
/// engine's until it is merged; the idempotency key is deterministic (<c>it-vendor:&lt;id&gt;:1</c>) as real profiles make it.
/// </summary>
public static class CsvExpenseDoubles
{
    public sealed class Format : ISourceFormat
    {
        public string Name => "csv";

        public IEnumerable<SourceReadResult> Read(ReadOnlyMemory<byte> payload, string location, IReadOnlyDictionary<string, string> options)
        {
            var lines = Encoding.UTF8.GetString(payload.Span).Split('\n');
            for (var i = 1; i < lines.Length; i++)
                if (lines[i].Length > 0)
                {
                    var cells = lines[i].Split(',');
                    yield return SourceReadResult.Parsed(new SourceRecord
                    {
                        Position = new SourcePosition(location, i + 1), Raw = Encoding.UTF8.GetBytes(lines[i]), Document = new Row(cells),
                    });
                }
        }

        private sealed class Row(string[] cells) : ISourceDocument
        {
            public string? Value(string path) => path switch { "id" => cells[0], "amount" => cells.ElementAtOrDefault(1), _ => null };

            public IReadOnlyList<ISourceDocument> Items(string path) => [];
        }
    }

    public sealed class Mapper : IRecordMapper
    {
        public string ProfileName => "it-expenses";

        public string ProfileVersion => "1";

        public string SourceSystem => "it-vendor";

        public string Format => "csv";

        public IReadOnlyDictionary<string, string> FormatOptions { get; } = new Dictionary<string, string>();

        public TopicSpec TargetTopic => Topics.Expenses;

        public MappingResult Map(SourceRecord record, DateTime ingestTime)
        {
            var id = record.Document.Value("id")!;
            if (!decimal.TryParse(record.Document.Value("amount"), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
                return MappingResult.Failed(new MappingFailure(ReasonCode.MappingFailed, $"amount '{record.Document.Value("amount")}' is not a decimal", "amount"));
            var day = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
            return MappingResult.Mapped(new MappedRecord(id, new ExpenseLine
            {
                envelope = new Envelope
                {
                    eventId = Guid.NewGuid(), correlationId = $"{SourceSystem}:{id}", sourceSystem = SourceSystem, sourceId = id,
                    eventTime = day, ingestTime = ingestTime, idempotencyKey = $"{SourceSystem}:{id}:1", mappingProfile = "it-expenses@1",
                },
                reportId = "RPT-1", expenseId = id, employeeId = "E-1", merchant = "Cafe", category = "MEALS",
                transactionDate = day, amount = amount.ToMoney("USD"), tax = null, receiptAttached = true, description = id,
            }));
        }
    }
}
