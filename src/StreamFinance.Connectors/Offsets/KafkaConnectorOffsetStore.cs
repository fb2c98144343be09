using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.Reading;
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
        var config = TopicToEnd.Settings(kafka.ApplyTo(new ConsumerConfig(), $"connector-offsets-reader-{connector}"), $"{kafka.ClientIdPrefix}-connector-offsets-reader");
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        try
        {
            foreach (var record in TopicToEnd.Read(consumer, TopicToEnd.FromBeginning(Topic.Name, Topic.Partitions), TimeSpan.FromSeconds(30), ct))
            {
                if (record.Message.Key?.StartsWith(prefix, StringComparison.Ordinal) == true && record.Message.Value is { } bytes)
                {
                    var offset = serDes.Deserialize(bytes, new SerializationContext(MessageComponentType.Value, Topic.Name));
                    result[offset.source] = offset;
                }
            }
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} The connector cannot know where it stopped; restart it once the broker answers.", e);
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
