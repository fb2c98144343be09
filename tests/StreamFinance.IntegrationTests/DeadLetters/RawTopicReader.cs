using Confluent.Kafka;

namespace StreamFinance.IntegrationTests.DeadLetters;

/// <summary>
/// Reads a whole topic as raw bytes, from the beginning of every partition to the end it has when asked, without a
/// consumer group: what is read is exactly what the topic holds, duplicates included.
/// </summary>
public static class RawTopicReader
{
    /// <summary>
    /// Every record of <paramref name="topic"/> up to its current end, in partition then offset order. The end of a
    /// partition is where the consumer reports it (end of partition at or past the high watermark seen when asked), not a
    /// record count: a partition written in transactions holds commit markers that take offsets and are never delivered.
    /// </summary>
    public static List<ConsumeResult<byte[], byte[]>> ReadAll(string bootstrapServers, string topic, TimeSpan timeout, CancellationToken ct)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"raw-reader-{Guid.NewGuid():N}", // required by the client; offsets are never committed
            EnableAutoCommit = false,
            EnablePartitionEof = true,
        }).Build();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions
            .Select(p => new TopicPartition(topic, p.PartitionId))
            .ToList();
        var ends = partitions.ToDictionary(p => p, p => consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(10)).High.Value);
        var pending = ends.Where(e => e.Value > 0).Select(e => e.Key).ToHashSet();
        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(p, Offset.Beginning)));

        var records = new List<ConsumeResult<byte[], byte[]>>();
        var deadline = DateTime.UtcNow + timeout;
        while (pending.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            Assert.True(DateTime.UtcNow < deadline, $"'{topic}' was not read to its end ({string.Join(", ", ends.Select(e => $"{e.Key.Partition.Value}: {e.Value}"))}) within {timeout.TotalSeconds:0} s; {records.Count} record(s) read.");
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is not { } record)
                continue;
            if (record.IsPartitionEOF)
            {
                if (record.Offset.Value >= ends[record.TopicPartition])
                    pending.Remove(record.TopicPartition);
                continue;
            }
            if (record.Offset.Value < ends[record.TopicPartition])
                records.Add(record);
        }

        return records.OrderBy(r => r.Partition.Value).ThenBy(r => r.Offset.Value).ToList();
    }
}
