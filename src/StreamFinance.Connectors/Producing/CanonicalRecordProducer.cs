using System.Collections.Concurrent;
using System.Text;
using Avro.Specific;
using Confluent.Kafka;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.Observability.Kafka;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Connectors.Producing;

/// <summary>
/// Writes canonical records to catalog topics the way every connector must: idempotent, acks=all, keyed by business
/// id, Avro values in Confluent's wire format, and headers carrying correlation id, source system, idempotency key
/// and ingest time taken from the record's envelope.
/// </summary>
public sealed class CanonicalRecordProducer : IDisposable
{
    private readonly IProducer<string, byte[]> producer;
    private readonly string? clientId;
    private readonly SerDesFactory serDes;
    private readonly ConcurrentDictionary<Type, Func<ISpecificRecord, SerializationContext, byte[]>> serializers = new();

    /// <summary>
    /// Creates the producer; <paramref name="clientSuffix"/> names it in the broker's client list. With
    /// <paramref name="statisticsIntervalMs"/> above 0 (default 0, off) its librdkafka statistics (queue depth, request
    /// errors and timeouts) are published to <see cref="KafkaClientMetrics.Default"/> at that interval.
    /// </summary>
    public CanonicalRecordProducer(KafkaOptions kafka, SerDesFactory serDes, string clientSuffix, int statisticsIntervalMs = 0)
    {
        var config = kafka.ApplyTo(new ProducerConfig(), clientSuffix);
        config.EnableIdempotence = true;
        config.Acks = Acks.All;
        config.LingerMs = 5;
        var builder = new ProducerBuilder<string, byte[]>(config);
        if (statisticsIntervalMs > 0)
        {
            config.StatisticsIntervalMs = statisticsIntervalMs;
            var publish = KafkaClientMetrics.Default.StatisticsHandler;
            builder.SetStatisticsHandler((_, json) => publish(json));
            clientId = config.ClientId;
        }
        producer = builder.Build();
        this.serDes = serDes;
    }

    /// <summary>Serializes and sends one record; completes when Kafka acknowledged it.</summary>
    public Task<DeliveryResult<string, byte[]>> ProduceAsync(TopicSpec topic, string key, ISpecificRecord value, CancellationToken ct = default)
    {
        var message = Build(topic, key, value);
        return producer.ProduceAsync(topic.Name, message, ct);
    }

    /// <summary>Serializes and queues one record; <paramref name="onDelivery"/> is told the outcome.</summary>
    public void Produce(TopicSpec topic, string key, ISpecificRecord value, Action<DeliveryReport<string, byte[]>> onDelivery)
    {
        var message = Build(topic, key, value);
        if (topic.Name == Topics.AuditEmitted.Name)
            // Audit events go to the partition of their correlation id by the one rule every audit writer applies.
            producer.Produce(AuditPartitioning.In(topic.Name, topic.Partitions, key), message, onDelivery);
        else
            producer.Produce(topic.Name, message, onDelivery);
    }

    /// <summary>Waits until every queued record is acknowledged or <paramref name="timeout"/> passes.</summary>
    public int Flush(TimeSpan timeout) => producer.Flush(timeout);

    private Message<string, byte[]> Build(TopicSpec topic, string key, ISpecificRecord value)
    {
        if (value.GetType() != topic.ValueType)
            throw new ArgumentException($"Topic {topic.Name} holds {topic.ValueType.Name}, not {value.GetType().Name}.", nameof(value));
        var headers = new Headers();
        if (Runtime.EnvelopeAccess.Of(value) is { } envelope)
        {
            headers.Add(RecordHeaders.CorrelationId, Encoding.UTF8.GetBytes(envelope.correlationId));
            headers.Add(RecordHeaders.SourceSystem, Encoding.UTF8.GetBytes(envelope.sourceSystem));
            headers.Add(RecordHeaders.IdempotencyKey, Encoding.UTF8.GetBytes(envelope.idempotencyKey));
            headers.Add(RecordHeaders.IngestTime, Encoding.UTF8.GetBytes(envelope.ingestTime.ToUniversalTime().ToString("O")));
        }
        var bytes = SerializerFor(value.GetType())(value, new SerializationContext(MessageComponentType.Value, topic.Name, headers));
        return new Message<string, byte[]> { Key = key, Value = bytes, Headers = headers };
    }

    private Func<ISpecificRecord, SerializationContext, byte[]> SerializerFor(Type type) =>
        serializers.GetOrAdd(type, t => (Func<ISpecificRecord, SerializationContext, byte[]>)typeof(CanonicalRecordProducer)
            .GetMethod(nameof(MakeSerializer), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(t)
            .Invoke(this, null)!);

    private Func<ISpecificRecord, SerializationContext, byte[]> MakeSerializer<T>() where T : class, ISpecificRecord
    {
        var avro = serDes.Avro<T>();
        return (record, context) => avro.Serialize((T)record, context);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        producer.Flush(TimeSpan.FromSeconds(10));
        producer.Dispose();
        if (clientId is not null)
            KafkaClientMetrics.Default.Forget(clientId);
    }
}
