using System.Globalization;
using System.Text;
using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.IntegrationTests.EndToEnd;
using StreamFinance.TestSupport.Kafka;
using StreamFinance.Topologies.Expenses;
using StreamFinance.Topologies.Posting;

namespace StreamFinance.IntegrationTests.Crashes;

/// <summary>
/// For a failed run, when <see cref="CrashSettings.LogFolder"/> is set: what the posting topology wrote, record by
/// record with partition, offset and timestamp (a gap between offsets is a transaction marker), so that each output can
/// be traced to the state the task held when it wrote it: <c>erp.journal-postings</c> and the changelogs of the posting
/// expense-id and clock stores; <c>ingest.expenses</c>, the expense dedupe store's changelog, <c>expense.approved</c> and
/// <c>dlq.expenses</c> by idempotency key; and the offsets the broker kept for the expense topology.
/// </summary>
internal static class CrashForensics
{
    /// <summary>Writes the records to <c>{folder}/{seed}-topics.txt</c>.</summary>
    public static void Write(FileDropPipeline pipeline, int seed)
    {
        if (CrashSettings.LogFolder is not { } folder)
            return;
        var text = new StringBuilder();
        var journals = pipeline.SerDes.Avro<JournalEntry>();
        Dump(text, pipeline, Topics.JournalPostings.Name, value =>
        {
            var journal = journals.Deserialize(value, new SerializationContext(MessageComponentType.Value, Topics.JournalPostings.Name));
            return string.Create(CultureInfo.InvariantCulture,
                $"closed {journal.envelope.ingestTime:HH:mm:ss.fff} [{string.Join(' ', journal.lines.SelectMany(l => l.sourceIds).Distinct().Order(StringComparer.Ordinal))}]");
        });
        var posting = $"{pipeline.Name}-{PostingNames.Topology}";
        foreach (var store in new[] { PostingNames.ExpenseIdsStore, PostingNames.ClockStore })
            Dump(text, pipeline, $"{posting}-{store}-changelog", value => Encoding.UTF8.GetString(value));
        var lines = pipeline.SerDes.Avro<ExpenseLine>();
        Dump(text, pipeline, Topics.Expenses.Name, value => lines.Deserialize(value, new SerializationContext(MessageComponentType.Value, Topics.Expenses.Name)).envelope.idempotencyKey);
        Dump(text, pipeline, $"{pipeline.Name}-{ExpenseTopology.TopologyName}-{ExpenseNames.DedupeStore}-changelog", value => Encoding.UTF8.GetString(value));
        var approvals = pipeline.SerDes.Avro<ApprovedExpense>();
        Dump(text, pipeline, Topics.ApprovedExpenses.Name, value => approvals.Deserialize(value, new SerializationContext(MessageComponentType.Value, Topics.ApprovedExpenses.Name)).envelope.idempotencyKey);
        var letters = pipeline.SerDes.Avro<DeadLetter>();
        Dump(text, pipeline, Topics.ExpenseDeadLetters.Name, value => letters.Deserialize(value, new SerializationContext(MessageComponentType.Value, Topics.ExpenseDeadLetters.Name)).idempotencyKey ?? "(none)");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"== offsets the broker kept for the expense topology on {Topics.Expenses.Name}: {string.Join(", ", pipeline.CommittedOffsets(ExpenseTopology.TopologyName, Topics.Expenses.Name))}");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"{seed}-topics.txt"), text.ToString());
    }

    private static void Dump(StringBuilder text, FileDropPipeline pipeline, string topic, Func<byte[], string> show)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"== {topic}");
        foreach (var record in TopicReader.ReadAll(pipeline.Broker.BootstrapServers, topic, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken))
        {
            var key = record.Message.Key is null ? "(null)" : Encoding.UTF8.GetString(record.Message.Key);
            var value = record.Message.Value is null ? "(tombstone)" : show(record.Message.Value);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"p{record.Partition.Value} @{record.Offset.Value} ts {record.Message.Timestamp.UtcDateTime:HH:mm:ss.fff} {key} = {value}");
        }
    }
}
