using System.Globalization;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Sources;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Tests.Support;

/// <summary>
/// A mapper double: columns <c>id,employee,amount,currency</c> to a complete <see cref="ExpenseLine"/>, idempotency key
/// <c>test-vendor:&lt;id&gt;:1</c> (deterministic, like the real profiles), <c>MAPPING_FAILED</c> when the amount is not a number.
/// </summary>
public sealed class ExpenseRowMapper(string format = "csv") : IRecordMapper
{
    public string ProfileName => "test-expenses";

    public string ProfileVersion => "1";

    public string SourceSystem => "test-vendor";

    public string Format => format;

    public IReadOnlyDictionary<string, string> FormatOptions { get; } = new Dictionary<string, string>();

    public TopicSpec TargetTopic => Topics.Expenses;

    public MappingResult Map(SourceRecord record, DateTime ingestTime)
    {
        var id = record.Document.Value("$.id");
        if (id is null)
            return MappingResult.Failed(new MappingFailure(ReasonCode.MappingFailed, "id: missing at $.id", "expenseId"));
        if (!decimal.TryParse(record.Document.Value("$.amount"), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
            return MappingResult.Failed(new MappingFailure(ReasonCode.MappingFailed, $"amount: '{record.Document.Value("$.amount")}' at $.amount is not a decimal", "amount"));
        var currency = record.Document.Value("$.currency") ?? "USD";
        var day = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
        return MappingResult.Mapped(new MappedRecord(id, new ExpenseLine
        {
            envelope = new Envelope
            {
                eventId = Guid.NewGuid(), correlationId = $"{SourceSystem}:{id}", sourceSystem = SourceSystem, sourceId = id,
                eventTime = day, ingestTime = ingestTime, idempotencyKey = $"{SourceSystem}:{id}:1", mappingProfile = "test-expenses@1",
            },
            reportId = "RPT-1", expenseId = id, employeeId = record.Document.Value("$.employee") ?? "E-1", merchant = "Cafe", category = "MEALS",
            transactionDate = day, amount = Math.Round(amount, 2).ToMoney(currency), tax = null, receiptAttached = true, description = $"test {id}",
        }));
    }
}
