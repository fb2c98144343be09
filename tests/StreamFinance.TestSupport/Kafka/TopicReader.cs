using Avro.Specific;
using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Kafka.Reading;
using StreamFinance.TestSupport.Waiting;

namespace StreamFinance.TestSupport.Kafka;

/// <summary>
/// Reads a topic from the beginning of every partition without a consumer group (nothing is committed), so what is read
/// is exactly what the topic holds, duplicates included.
/// </summary>
public static class TopicReader
{
    /// <summary>Every record of <paramref name="topic"/> up to the end it has when asked (<see cref="TopicToEnd"/>), in partition then offset order.</summary>
    public static List<ConsumeResult<byte[], byte[]>> ReadAll(string bootstrapServers, string topic, TimeSpan timeout, CancellationToken ct)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(TopicToEnd.Settings(new ConsumerConfig { BootstrapServers = bootstrapServers }, "topic-reader")).Build();
        return TopicToEnd.Read(consumer, TopicToEnd.FromBeginning(topic, PartitionCount(bootstrapServers, topic)), timeout, ct)
            .OrderBy(r => r.Partition.Value).ThenBy(r => r.Offset.Value).ToList();
    }

    /// <summary>Every value of a catalog topic up to the end it has when asked, decoded through the Schema Registry of <paramref name="serDes"/>; tombstones left out.</summary>
    public static List<T> ReadValues<T>(string bootstrapServers, Topic<string, T> topic, SerDesFactory serDes, TimeSpan timeout, CancellationToken ct)
        where T : class, ISpecificRecord
    {
        var values = serDes.Avro<T>();
        return ReadAll(bootstrapServers, topic.Name, timeout, ct)
            .Where(r => r.Message.Value is not null)
            .Select(r => values.Deserialize(r.Message.Value, new SerializationContext(MessageComponentType.Value, topic.Name)))
            .ToList();
    }

    /// <summary>Every record of <paramref name="topic"/> up to its current end, as UTF-8 key and raw value, in partition then offset order.</summary>
    public static List<(string Key, byte[] Value)> ReadKeyed(string bootstrapServers, string topic) =>
        ReadAll(bootstrapServers, topic, TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken)
            .Select(r => (System.Text.Encoding.UTF8.GetString(r.Message.Key), r.Message.Value))
            .ToList();

    /// <summary>
    /// Reads <paramref name="topic"/> as it grows until <paramref name="done"/> holds for all records read so far; fails the
    /// test with the last records it saw when <paramref name="timeout"/> runs out, or at once when <paramref name="failFast"/>
    /// names a reason to stop.
    /// </summary>
    public static List<ConsumeResult<string, string>> ReadUntil(
        string bootstrapServers,
        string topic,
        Func<IReadOnlyList<ConsumeResult<string, string>>, bool> done,
        TimeSpan timeout,
        CancellationToken ct,
        Func<string?>? failFast = null)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"reader-{Guid.NewGuid():N}", // required by the client; offsets are never committed
            EnableAutoCommit = false,
        };
        using var consumer = new ConsumerBuilder<string, string>(config).Build();
        consumer.Assign(Enumerable.Range(0, PartitionCount(bootstrapServers, topic)).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));

        var records = new List<ConsumeResult<string, string>>();
        return Wait.Until($"'{topic}' to reach the expected content", timeout,
            () =>
            {
                ct.ThrowIfCancellationRequested();
                if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } record)
                    records.Add(record);
                return records;
            },
            read => done(read),
            read => $"{read.Count} record(s), the last [{string.Join(", ", read.TakeLast(20).Select(r => $"{r.Message.Key}={r.Message.Value}"))}]",
            interval: TimeSpan.Zero,
            stopped: failFast);
    }

    private static int PartitionCount(string bootstrapServers, string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        return admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions.Count;
    }
}
