using Confluent.Kafka;

namespace StreamFinance.IntegrationTests.Support;

/// <summary>
/// Reads a topic from the beginning of every partition, without a consumer group, until a condition
/// on what was read holds; fails the test with what it saw when the time is up.
/// </summary>
public static class TopicReader
{
    /// <summary>Reads <paramref name="topic"/> until <paramref name="done"/> holds for all records read so far.</summary>
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
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions
            .Select(p => new TopicPartitionOffset(topic, p.PartitionId, Offset.Beginning))
            .ToList();
        consumer.Assign(partitions);

        var records = new List<ConsumeResult<string, string>>();
        var deadline = DateTime.UtcNow + timeout;
        while (!done(records))
        {
            ct.ThrowIfCancellationRequested();
            if (failFast?.Invoke() is { } failure)
            {
                Assert.Fail($"Stopped reading '{topic}' after {records.Count} record(s): {failure}");
            }

            if (DateTime.UtcNow > deadline)
            {
                var seen = string.Join(", ", records.TakeLast(20).Select(r => $"{r.Message.Key}={r.Message.Value}"));
                Assert.Fail($"'{topic}' did not reach the expected content within {timeout.TotalSeconds:0} s; read {records.Count} record(s), last: [{seen}]");
            }

            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } record)
            {
                records.Add(record);
            }
        }

        return records;
    }
}
