using System.Text;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Connectors.Sources;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.Connectors.Generator;

/// <summary>
/// The generator's endless, seeded stream of ingest items: the sample transactions of <see cref="SampleDataGenerator"/>,
/// with configurable shares of duplicates (an earlier record again, same idempotency key) and invalid records
/// (unparseable bytes; expenses on the inactive cost center; expenses without receipt). The same seed and clock give
/// the same items in the same order, so a restart can skip what was committed and re-create the rest identically.
/// </summary>
public sealed class SyntheticRecordStream(SampleDataGenerator generator, GeneratorConnectorOptions options)
{
    /// <summary>Offset source of the transactions.</summary>
    public const string Source = "transactions";

    private const string Profile = "generator@1";
    private readonly Random shares = new(options.Seed ^ 0x5f3759df);
    private readonly List<IngestItem> recent = [];
    private long line;

    /// <summary>Items made so far (the line of the last one).</summary>
    public long Line => line;

    /// <summary>The next item.</summary>
    public IngestItem Next()
    {
        var position = new SourcePosition(Source, ++line);
        var roll = shares.NextDouble();
        if (roll < options.DuplicateShare && recent.Count > 0)
            return recent[shares.Next(recent.Count)].At(position);
        if (roll < options.DuplicateShare + options.InvalidShare)
            return Invalid(position, shares.Next(3));
        return Remember(Mapped(position, generator.NextTransaction()));
    }

    private IngestItem Invalid(SourcePosition position, int kind)
    {
        if (kind == 0)
            return IngestItems.Unreadable(position, Encoding.UTF8.GetBytes($"{{\"expense_id\": \"EXP-{line}\", \"amount\": 12,5x"), Profile,
                $"{position}: generator sent unparseable JSON on purpose (invalid-record share).");
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var record = generator.NextTransaction();
            if (record.Value is not ExpenseLine expense)
                continue;
            if (kind == 1)
                expense.costCenterId = generator.World.InactiveCostCenter;
            else
                expense.receiptAttached = false;
            return Mapped(position, record);
        }

        return Invalid(position, 0);
    }

    private static IngestItem Mapped(SourcePosition position, GeneratedRecord record) =>
        IngestItem.Mapped(position, ReadOnlyMemory<byte>.Empty, Profile, record.Topic, new MappedRecord(record.Key, record.Value));

    private IngestItem Remember(IngestItem item)
    {
        if (recent.Count == 100)
            recent.RemoveAt(0);
        recent.Add(item);
        return item;
    }
}
