using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Connectors.Offsets;

/// <summary>
/// Connector offsets in <see cref="Topics.ConnectorOffsets"/> (compacted, key <c>connector/source</c>, Avro
/// <see cref="ConnectorOffset"/>). Commits go through an idempotent acks=all producer and complete on acknowledgement;
/// loading reads the topic from the beginning to its end as of the call, keeping the latest value per key.
/// Thread-safe; share one per process.
/// </summary>
public sealed class KafkaConnectorOffsetStore : IConnectorOffsetStore, IDisposable
{
    /// <summary>The topic it reads and writes: <see cref="Topics.ConnectorOffsets"/>.</summary>
    public static Topic<string, ConnectorOffset> Topic { get; } = Topics.ConnectorOffsets;
    private readonly KafkaOptions kafka;
    private readonly AvroSerDes<ConnectorOffset> serDes;
    private readonly IProducer<string, byte[]> producer;

    /// <summary>Creates the store and its producer.</summary>
    public KafkaConnectorOffsetStore(KafkaOptions kafka, SerDesFactory serDes)
    {
        this.kafka = kafka ?? throw new ArgumentNullException(nameof(kafka));
        this.serDes = (serDes ?? throw new ArgumentNullException(nameof(serDes))).Avro<ConnectorOffset>();
        var config = kafka.ApplyTo(new ProducerConfig(), "connector-offsets");
        config.EnableIdempotence = true;
        config.Acks = Acks.All;
        config.LingerMs = 0;
        producer = new ProducerBuilder<string, byte[]>(config).Build();
    }

    /// <inheritdoc />
    public async Task CommitAsync(ConnectorOffset offset, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(offset);
        var key = ConnectorOffsetKey.For(offset.connector, offset.source);
        var value = serDes.Serialize(offset, new SerializationContext(MessageComponentType.Value, Topic.Name));
        try
        {
            await producer.ProduceAsync(Topic.Name, new Message<string, byte[]> { Key = key, Value = value }, ct).ConfigureAwait(false);
        }
        catch (ProduceException<string, byte[]> e)
        {
            throw new InvalidOperationException(
                $"Could not commit the offset of {key} (line {offset.line}, cursor {offset.cursor ?? "none"}) to {Topic.Name}: {e.Error.Reason}. " +
                "The connector will re-send records after this position on restart, with the same idempotency keys; check the broker.", e);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, ConnectorOffset>> LoadAsync(string connector, CancellationToken ct) =>
        Task.Run(() => Load(connector, ct), ct);

    private IReadOnlyDictionary<string, ConnectorOffset> Load(string connector, CancellationToken ct)
    {
        var prefix = connector + "/";
        var result = new Dictionary<string, ConnectorOffset>(StringComparer.Ordinal);
        var config = kafka.ApplyTo(new ConsumerConfig(), $"connector-offsets-reader-{connector}");
        config.GroupId = $"{kafka.ClientIdPrefix}-connector-offsets-reader-{Guid.NewGuid():N}";
        config.EnableAutoCommit = false;
        config.AutoOffsetReset = AutoOffsetReset.Earliest;
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        var ends = new List<TopicPartitionOffset>();
        for (var partition = 0; partition < Topic.Partitions; partition++)
        {
            var tp = new TopicPartition(Topic.Name, partition);
            var watermarks = consumer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(10));
            if (watermarks.High > watermarks.Low)
                ends.Add(new TopicPartitionOffset(tp, watermarks.High));
        }

        if (ends.Count == 0)
            return result;
        consumer.Assign(ends.Select(e => new TopicPartitionOffset(e.TopicPartition, Offset.Beginning)));
        var remaining = ends.ToDictionary(e => e.Partition.Value, e => e.Offset.Value);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (remaining.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Reading {Topic.Name} to its end took over 30 s (partitions left: {string.Join(", ", remaining.Keys)}); check the broker, then restart the connector.");
            var record = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (record is null)
                continue;
            if (record.Message.Key?.StartsWith(prefix, StringComparison.Ordinal) == true && record.Message.Value is { } bytes)
            {
                var offset = serDes.Deserialize(bytes, new SerializationContext(MessageComponentType.Value, Topic.Name));
                result[offset.source] = offset;
            }

            if (record.Offset.Value + 1 >= remaining.GetValueOrDefault(record.Partition.Value, long.MaxValue))
                remaining.Remove(record.Partition.Value);
        }

        consumer.Close();
        return result;
    }

    /// <summary>Waits up to 10 s for pending commits, then closes the producer.</summary>
    public void Dispose()
    {
        producer.Flush(TimeSpan.FromSeconds(10));
        producer.Dispose();
    }
}
