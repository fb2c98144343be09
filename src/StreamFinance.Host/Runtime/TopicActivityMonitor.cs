using Confluent.Kafka;
using StreamFinance.Kafka.Configuration;

namespace StreamFinance.Host.Runtime;

/// <summary>Records held by one topic at one moment, and how fast that grew since the previous look.</summary>
public sealed record TopicActivity(string Topic, long Records, double RecordsPerSecond);

/// <summary>
/// Counts the records in each topic from its partitions' watermarks: the view that every producer shares,
/// whether the generator, a connector or a topology wrote the records.
/// </summary>
public sealed class TopicActivityMonitor : IDisposable
{
    private readonly IConsumer<byte[], byte[]> consumer;
    private readonly IReadOnlyDictionary<string, int> partitions;
    private readonly Dictionary<string, long> previous = new(StringComparer.Ordinal);
    private DateTime previousAt = DateTime.UtcNow;

    /// <summary>Watches <paramref name="topicPartitions"/> (topic name to partition count).</summary>
    public TopicActivityMonitor(KafkaOptions kafka, IReadOnlyDictionary<string, int> topicPartitions)
    {
        var config = kafka.ApplyTo(new ConsumerConfig(), "live-view");
        config.GroupId = $"{kafka.ClientIdPrefix}-live-view-{Guid.NewGuid():N}";
        config.EnableAutoCommit = false;
        consumer = new ConsumerBuilder<byte[], byte[]>(config).SetLogHandler((_, _) => { }).Build();
        partitions = topicPartitions;
    }

    /// <summary>Reads every topic's watermarks; topics are returned in the order given.</summary>
    public IReadOnlyList<TopicActivity> Snapshot()
    {
        var now = DateTime.UtcNow;
        var seconds = Math.Max((now - previousAt).TotalSeconds, 0.001);
        var result = new List<TopicActivity>(partitions.Count);
        foreach (var (topic, count) in partitions)
        {
            long records = 0;
            for (var p = 0; p < count; p++)
            {
                var w = consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(5));
                records += Math.Max(0, w.High.Value - w.Low.Value);
            }
            var before = previous.GetValueOrDefault(topic, records);
            previous[topic] = records;
            result.Add(new TopicActivity(topic, records, (records - before) / seconds));
        }
        previousAt = now;
        return result;
    }

    /// <inheritdoc />
    public void Dispose() => consumer.Dispose();
}
