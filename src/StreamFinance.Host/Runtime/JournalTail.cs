using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Host.Runtime;

/// <summary>One journal as the live view shows it: what the ERP receives, and whether it balances.</summary>
/// <param name="ReconciliationId">The id the ERP deduplicates on.</param>
/// <param name="Entity">Legal entity.</param>
/// <param name="Currency">Functional currency.</param>
/// <param name="Lines">Number of lines.</param>
/// <param name="Debit">Sum of the debit lines.</param>
/// <param name="Credit">Sum of the credit lines.</param>
public sealed record PostedJournal(string ReconciliationId, string Entity, string Currency, int Lines, decimal Debit, decimal Credit)
{
    /// <summary>Debits equal credits, from the lines themselves (not the control totals).</summary>
    public bool Balanced => Debit == Credit;
}

/// <summary>
/// Follows <c>erp.journal-postings</c> from its beginning for the demo's live view: every journal written so far, with
/// its balance recomputed from its lines. <see cref="Poll"/> reads whatever arrived since the last call without waiting.
/// </summary>
public sealed class JournalTail : IDisposable
{
    /// <summary>The topic it follows: <see cref="Topics.JournalPostings"/>.</summary>
    public static Topic<string, JournalEntry> Topic { get; } = Topics.JournalPostings;

    private readonly IConsumer<byte[], byte[]> consumer;
    private readonly AvroSerDes<JournalEntry> serDes;
    private readonly List<PostedJournal> journals = [];

    /// <summary>Assigns every partition of the journal topic from its beginning.</summary>
    public JournalTail(KafkaOptions kafka, SerDesFactory serDes)
    {
        var config = kafka.ApplyTo(new ConsumerConfig(), "live-view-journals");
        config.GroupId = $"{kafka.ClientIdPrefix}-live-view-journals-{Guid.NewGuid():N}";
        config.EnableAutoCommit = false;
        consumer = new ConsumerBuilder<byte[], byte[]>(config).SetLogHandler((_, _) => { }).Build();
        consumer.Assign(Enumerable.Range(0, Topic.Partitions).Select(p => new TopicPartitionOffset(Topic.Name, p, Offset.Beginning)));
        this.serDes = serDes.Avro<JournalEntry>();
    }

    /// <summary>Every journal read so far, in the order read; reads what arrived since the last call first.</summary>
    public IReadOnlyList<PostedJournal> Poll()
    {
        while (consumer.Consume(TimeSpan.Zero) is { } record)
        {
            if (record.IsPartitionEOF || record.Message.Value is null)
                continue;
            var journal = serDes.Deserialize(record.Message.Value, new SerializationContext(MessageComponentType.Value, record.Topic, record.Message.Headers));
            journals.Add(new PostedJournal(
                journal.reconciliationId, journal.legalEntityId, journal.currency, journal.lines.Count,
                journal.lines.Where(l => l.side == JournalSide.DEBIT).Sum(l => l.amount.ToDecimal()),
                journal.lines.Where(l => l.side == JournalSide.CREDIT).Sum(l => l.amount.ToDecimal())));
        }
        return journals.ToList();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        consumer.Close();
        consumer.Dispose();
    }
}
