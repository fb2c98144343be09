using Confluent.Kafka;

namespace StreamFinance.IntegrationTests.DeadLetters;

/// <summary>
/// Reads a whole topic as raw bytes, from the beginning of every partition to the end it has when asked, without a
/// consumer group: what is read is exactly what the topic holds, duplicates included.
/// </summary>
public static class RawTopicReader
{
    /// <summary>Every record of <paramref name="topic"/> up to its current end, in partition then offset order.</summary>
    public static List<ConsumeResult<byte[], byte[]>> ReadAll(string bootstrapServers, string topic, TimeSpan timeout, CancellationToken ct)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"raw-reader-{Guid.NewGuid():N}", // required by the client; offsets are never committed
            EnableAutoCommit = false,
        }).Build();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions
            .Select(p => new TopicPartition(topic, p.PartitionId))
            .ToList();
        var ends = partitions.ToDictionary(p => p, p => consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(10)).High.Value);
        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(p, Offset.Beginning)));

        var records = new List<ConsumeResult<byte[], byte[]>>();
        var deadline = DateTime.UtcNow + timeout;
        while (records.Count < ends.Values.Sum())
        {
            ct.ThrowIfCancellationRequested();
            Assert.True(DateTime.UtcNow < deadline, $"'{topic}' holds {ends.Values.Sum()} record(s) but only {records.Count} were read within {timeout.TotalSeconds:0} s.");
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } record)
            {
                records.Add(record);
            }
        }

        return records.OrderBy(r => r.Partition.Value).ThenBy(r => r.Offset.Value).ToList();
    }
}
