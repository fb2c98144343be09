using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.Reading;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Host.Inspection;

/// <summary>
/// The records of a catalog topic, decoded, without a consumer group (nothing is committed, no group lag appears):
/// what it holds now (<see cref="Dump"/>) or what arrives from now or from the beginning on (<see cref="Tail"/>).
/// Transaction markers take offsets but are not records: they are never returned or counted.
/// </summary>
public sealed class TopicRecordSource(KafkaOptions kafka, SerDesFactory serDes)
{
    /// <summary>Every record from the beginning of each partition to the end it had when the dump began.</summary>
    public IEnumerable<DecodedRecord> Dump(TopicSpec topic, CancellationToken ct)
    {
        var decoder = new CatalogRecordDecoder(serDes, topic);
        using var consumer = Consumer();
        foreach (var result in TopicToEnd.Read(consumer, TopicToEnd.FromBeginning(topic.Name, topic.Partitions), Timeout.InfiniteTimeSpan, ct))
            yield return DecodedRecord.From(result, decoder);
    }

    /// <summary>Records as they arrive, from the current end (or the beginning) of every partition, until <paramref name="ct"/> is cancelled.</summary>
    public IEnumerable<DecodedRecord> Tail(TopicSpec topic, bool fromBeginning, CancellationToken ct)
    {
        var decoder = new CatalogRecordDecoder(serDes, topic);
        using var consumer = Consumer();
        consumer.Assign(Enumerable.Range(0, topic.Partitions).Select(p => new TopicPartitionOffset(topic.Name, p, fromBeginning ? Offset.Beginning : Offset.End)));
        while (!ct.IsCancellationRequested)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } result)
                yield return DecodedRecord.From(result, decoder);
        }
    }

    private IConsumer<string, byte[]> Consumer() =>
        new ConsumerBuilder<string, byte[]>(TopicToEnd.Settings(kafka.ApplyTo(new ConsumerConfig(), "topic-inspect"), $"{kafka.ClientIdPrefix}-topic-inspect"))
            .SetLogHandler((_, _) => { })
            .Build();
}
