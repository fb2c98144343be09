using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.Reading;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Host.Audit;

/// <summary>
/// Reads <c>audit.events</c> without a consumer group, every partition in offset order, from the beginning or from a
/// point in time, up to the end it had when the read began: for <c>audit verify</c> and <c>audit trace</c>, which must
/// work from the topic alone, whether or not an instance runs.
/// </summary>
public sealed class AuditTopicReader(KafkaOptions kafka, SerDesFactory serDes)
{
    /// <summary>The topic read; <c>audit.events</c> unless a test says otherwise.</summary>
    public string Topic { get; init; } = Topics.AuditEvents.Name;

    /// <summary>Every event with its partition and offset, from <paramref name="since"/> (null: the beginning) on.</summary>
    public IEnumerable<(int Partition, long Offset, AuditEvent Event)> Read(DateTimeOffset? since, CancellationToken ct)
    {
        var avro = serDes.Avro<AuditEvent>();
        var config = TopicToEnd.Settings(kafka.ApplyTo(new ConsumerConfig(), "audit"), $"{kafka.ClientIdPrefix}-audit");
        using var consumer = new ConsumerBuilder<byte[], byte[]>(config).SetLogHandler((_, _) => { }).Build();
        var starts = TopicToEnd.FromBeginning(Topic, Topics.AuditEvents.Partitions);
        if (since is { } from)
        {
            var times = consumer.OffsetsForTimes(starts.Select(p => new TopicPartitionTimestamp(p.TopicPartition, new Timestamp(from))), TimeSpan.FromSeconds(10));
            // A partition with nothing since then is not read at all.
            starts = times.Where(t => t.Offset != Offset.End).Select(t => new TopicPartitionOffset(t.TopicPartition, t.Offset)).ToList();
        }
        foreach (var result in TopicToEnd.Read(consumer, starts, Timeout.InfiniteTimeSpan, ct))
        {
            if (result.Message.Value is null)
                continue;
            var audit = avro.Deserialize(result.Message.Value, new SerializationContext(MessageComponentType.Value, Topic, result.Message.Headers));
            yield return (result.Partition.Value, result.Offset.Value, audit);
        }
    }

    /// <summary>
    /// The timeline of <paramref name="id"/> read from the topic: a first pass finds the correlation ids whose events
    /// name it, a second collects their events; nothing else is held in memory.
    /// </summary>
    public AuditTimeline Trace(string id, DateTimeOffset? since, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var correlations = Read(since, ct).Where(r => AuditTimeline.Names(r.Event, id)).Select(r => r.Event.correlationId).ToHashSet(StringComparer.Ordinal);
        var events = correlations.Count == 0 ? [] : Read(since, ct).Where(r => correlations.Contains(r.Event.correlationId)).Select(r => r.Event).ToList();
        return AuditTimeline.Of(id, events);
    }

    /// <summary>Recomputes every hash, chain and daily head (see <see cref="AuditChainVerifier"/>).</summary>
    public AuditChainVerifier Verify(DateTimeOffset? since, CancellationToken ct)
    {
        var verifier = new AuditChainVerifier(fromStart: since is null);
        foreach (var (partition, offset, audit) in Read(since, ct))
            verifier.Add(partition, offset, audit);
        return verifier;
    }
}
