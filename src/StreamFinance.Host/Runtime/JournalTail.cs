using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
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
    /// <summary>The ERP's answer from <c>erp.posting-confirmations</c>, e.g. <c>NetSuite document 1001 (FY 2026)</c> or <c>REJECTED: ...</c>; null while none has come (or no ERP sink runs).</summary>
    public string? ErpAnswer { get; init; }

    /// <summary>Debits equal credits, from the lines themselves (not the control totals).</summary>
    public bool Balanced => Debit == Credit;
}

/// <summary>
/// Follows <c>erp.journal-postings</c> from its beginning for the demo's live view: every journal written so far, with
/// its balance recomputed from its lines, and the ERP's answer to it from <c>erp.posting-confirmations</c> when an ERP sink
/// runs. <see cref="Poll"/> reads whatever arrived since the last call without waiting.
/// </summary>
public sealed class JournalTail : IDisposable
{
    /// <summary>The topic it follows: <see cref="Topics.JournalPostings"/>.</summary>
    public static Topic<string, JournalEntry> Topic { get; } = Topics.JournalPostings;

    /// <summary>Where it reads the ERP's answers to the journals: <see cref="Topics.PostingConfirmations"/>.</summary>
    public static Topic<string, PostingConfirmation> Answers { get; } = Topics.PostingConfirmations;

    private readonly IConsumer<byte[], byte[]> consumer;
    private readonly AvroSerDes<JournalEntry> serDes;
    private readonly AvroSerDes<PostingConfirmation> confirmations;
    private readonly List<PostedJournal> journals = [];
    private readonly Dictionary<string, string> answers = new(StringComparer.Ordinal);

    /// <summary>Assigns every partition of the journal topic from its beginning.</summary>
    public JournalTail(KafkaOptions kafka, SerDesFactory serDes)
    {
        var config = kafka.ApplyTo(new ConsumerConfig(), "live-view-journals");
        config.GroupId = $"{kafka.ClientIdPrefix}-live-view-journals-{Guid.NewGuid():N}";
        config.EnableAutoCommit = false;
        consumer = new ConsumerBuilder<byte[], byte[]>(config).SetLogHandler((_, _) => { }).Build();
        consumer.Assign(new TopicSpec[] { Topic, Answers }
            .SelectMany(t => Enumerable.Range(0, t.Partitions).Select(p => new TopicPartitionOffset(t.Name, p, Offset.Beginning))));
        this.serDes = serDes.Avro<JournalEntry>();
        confirmations = serDes.Avro<PostingConfirmation>();
    }

    /// <summary>Every journal read so far, in the order read; reads what arrived since the last call first.</summary>
    public IReadOnlyList<PostedJournal> Poll()
    {
        while (consumer.Consume(TimeSpan.Zero) is { } record)
        {
            if (record.IsPartitionEOF || record.Message.Value is null)
                continue;
            if (record.Topic == Answers.Name)
            {
                var answer = confirmations.Deserialize(record.Message.Value, new SerializationContext(MessageComponentType.Value, record.Topic, record.Message.Headers));
                answers[answer.postingId] = answer.status == PostingStatus.POSTED
                    ? $"{answer.targetSystem} document {answer.erpDocumentNumber} (FY {answer.fiscalYear})"
                    : $"{answer.targetSystem} REJECTED: {string.Join("; ", answer.messages)}";
                continue;
            }
            var journal = serDes.Deserialize(record.Message.Value, new SerializationContext(MessageComponentType.Value, record.Topic, record.Message.Headers));
            journals.Add(new PostedJournal(
                journal.reconciliationId, journal.legalEntityId, journal.currency, journal.lines.Count,
                journal.lines.Where(l => l.side == JournalSide.DEBIT).Sum(l => l.amount.ToDecimal()),
                journal.lines.Where(l => l.side == JournalSide.CREDIT).Sum(l => l.amount.ToDecimal())));
        }
        return journals.Select(j => answers.TryGetValue(j.ReconciliationId, out var answer) ? j with { ErpAnswer = answer } : j).ToList();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        consumer.Close();
        consumer.Dispose();
    }
}
