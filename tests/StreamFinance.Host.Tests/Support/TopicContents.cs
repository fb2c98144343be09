using Confluent.Kafka;

namespace StreamFinance.Host.Tests.Support;

/// <summary>Every record of a topic, read from the beginning up to its current end by a consumer of its own.</summary>
internal static class TopicContents
{
    public static List<(string Key, byte[] Value)> Read(string bootstrapServers, string topic, int partitions)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"read-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            EnablePartitionEof = true,
        }).Build();
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var records = new List<(string, byte[])>();
        var ended = new HashSet<int>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (ended.Count < partitions && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(500));
            if (result is null)
                continue;
            if (result.IsPartitionEOF)
                ended.Add(result.Partition.Value);
            else
                records.Add((result.Message.Key, result.Message.Value));
        }
        return records;
    }
}
