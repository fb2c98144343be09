using Confluent.Kafka;
using StreamFinance.Kafka.Reading;

namespace StreamFinance.IntegrationTests.DeadLetters;

/// <summary>
/// Reads a whole topic as raw bytes, from the beginning of every partition to the end it has when asked, without a
/// consumer group: what is read is exactly what the topic holds, duplicates included.
/// </summary>
public static class RawTopicReader
{
    /// <summary>Every record of <paramref name="topic"/> up to its current end (<see cref="TopicToEnd"/>), in partition then offset order.</summary>
    public static List<ConsumeResult<byte[], byte[]>> ReadAll(string bootstrapServers, string topic, TimeSpan timeout, CancellationToken ct)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(TopicToEnd.Settings(new ConsumerConfig { BootstrapServers = bootstrapServers }, "raw-reader")).Build();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions.Count;
        return TopicToEnd.Read(consumer, TopicToEnd.FromBeginning(topic, partitions), timeout, ct)
            .OrderBy(r => r.Partition.Value).ThenBy(r => r.Offset.Value).ToList();
    }
}
