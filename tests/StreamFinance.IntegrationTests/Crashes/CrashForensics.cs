using System.Globalization;
using System.Text;
using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.IntegrationTests.EndToEnd;
using StreamFinance.TestSupport.Kafka;
using StreamFinance.Topologies.Posting;

namespace StreamFinance.IntegrationTests.Crashes;

/// <summary>
/// For a failed run, when <see cref="CrashSettings.LogFolder"/> is set: what the posting topology wrote, record by
/// record with partition, offset and timestamp (a gap between offsets is a transaction marker), so that each copy of
/// a journal can be traced to the state the task held when it wrote it: <c>erp.journal-postings</c> and the changelogs
/// of the expense-id and clock stores.
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
        var application = $"{pipeline.Name}-{PostingNames.Topology}";
        foreach (var store in new[] { PostingNames.ExpenseIdsStore, PostingNames.ClockStore })
            Dump(text, pipeline, $"{application}-{store}-changelog", value => Encoding.UTF8.GetString(value));
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
