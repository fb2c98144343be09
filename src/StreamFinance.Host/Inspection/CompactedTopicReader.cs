using Avro.Specific;
using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.Reading;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Host.Inspection;

/// <summary>
/// Reads a compacted topic as a table: every partition from the start up to the end it had when reading began,
/// keeping the latest value per key and dropping keys whose latest record is a tombstone. What a data team sees
/// when it materialises the topic, without a consumer group.
/// </summary>
public sealed class CompactedTopicReader(KafkaOptions kafka, SerDesFactory serDes)
{
    /// <summary>Latest value per key, ordered by key.</summary>
    public IReadOnlyList<KeyValuePair<string, ISpecificRecord>> ReadAll(TopicSpec topic, CancellationToken ct)
    {
        var decoder = new CatalogRecordDecoder(serDes, topic);
        var config = TopicToEnd.Settings(kafka.ApplyTo(new ConsumerConfig(), "md-inspect"), $"{kafka.ClientIdPrefix}-md-inspect");
        using var consumer = new ConsumerBuilder<string, byte[]>(config).SetLogHandler((_, _) => { }).Build();

        var table = new SortedDictionary<string, ISpecificRecord>(StringComparer.Ordinal);
        foreach (var result in TopicToEnd.Read(consumer, TopicToEnd.FromBeginning(topic.Name, topic.Partitions), Timeout.InfiniteTimeSpan, ct))
        {
            var value = result.Message.Value is null ? null : decoder.Decode(result.Message.Value);
            if (value is null)
                table.Remove(result.Message.Key);
            else
                table[result.Message.Key] = value;
        }
        return table.ToList();
    }
}
