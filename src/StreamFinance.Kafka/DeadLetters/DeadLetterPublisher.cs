using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Kafka.DeadLetters;

/// <summary>
/// The out-of-band dead-letter writer: an idempotent, acks=all producer of <see cref="DeadLetter"/> values (Avro,
/// through <see cref="SerDesFactory"/>) keyed by the failed record's raw key bytes, with its headers plus the
/// <c>__streams.errors.*</c> ones, and of each dead letter's audit event (<c>audit.emitted</c>, keyed by correlation id,
/// component the dead letter's processor). It waits for both acknowledgements and counts acknowledged dead letters in
/// the <see cref="DeadLetterMetrics"/> it was given.
/// </summary>
/// <remarks>
/// Used from Streamiz exception handlers, it writes outside the stream's exactly-once transaction: a record reprocessed
/// after a crash may be dead-lettered twice (same origin and correlation id), never lost. Thread-safe; share one per process
/// or per topology.
/// </remarks>
public sealed class DeadLetterPublisher : IDeadLetterPublisher, IDisposable
{
    /// <summary>How long a dead letter may wait for its acknowledgement by default: 30 s.</summary>
    public static readonly TimeSpan DefaultAckTimeout = TimeSpan.FromSeconds(30);

    private readonly IProducer<byte[], byte[]> producer;
    private readonly AvroSerDes<DeadLetter> serDes;
    private readonly AvroSerDes<AuditEvent> auditSerDes;
    private readonly ILogger logger;
    private readonly DeadLetterMetrics metrics;

    /// <summary>Creates the publisher and its producer.</summary>
    /// <param name="kafka">Connection and security settings.</param>
    /// <param name="serDes">SerDes factory: the dead letter's schema is registered under <c>&lt;topic&gt;-value</c>.</param>
    /// <param name="logger">Where unacknowledged dead letters are reported. Default: none.</param>
    /// <param name="clientSuffix">Names the producer in the broker's client list. Default <c>dead-letters</c>.</param>
    /// <param name="ackTimeout">Longest wait for an acknowledgement (librdkafka <c>message.timeout.ms</c>). Default <see cref="DefaultAckTimeout"/>.</param>
    /// <param name="metrics">Where acknowledged dead letters are counted: the host's <see cref="Observability.BusinessMetrics.DeadLetters"/>. Default: a registry of its own that nothing serves.</param>
    public DeadLetterPublisher(
        KafkaOptions kafka, SerDesFactory serDes, ILogger? logger = null, string clientSuffix = "dead-letters", TimeSpan? ackTimeout = null, DeadLetterMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        ArgumentNullException.ThrowIfNull(serDes);
        var config = kafka.ApplyTo(new ProducerConfig(), clientSuffix);
        config.EnableIdempotence = true;
        config.Acks = Acks.All;
        // Each dead letter is awaited on its own: batching would only add latency to a blocked stream thread.
        config.LingerMs = 0;
        config.MessageTimeoutMs = (int)(ackTimeout ?? DefaultAckTimeout).TotalMilliseconds;
        producer = new ProducerBuilder<byte[], byte[]>(config).Build();
        this.serDes = serDes.Avro<DeadLetter>();
        auditSerDes = serDes.Avro<AuditEvent>();
        this.logger = logger ?? NullLogger.Instance;
        this.metrics = metrics ?? Observability.BusinessMetrics.Detached().DeadLetters;
    }

    /// <inheritdoc />
    public async Task PublishAsync(
        Topic<string, DeadLetter> topic, DeadLetter deadLetter, Headers? originalHeaders = null, Exception? exception = null, CancellationToken ct = default, AuditFact? audit = null)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(deadLetter);
        var message = Build(topic, deadLetter, originalHeaders, exception);
        var auditMessage = BuildAudit(topic, deadLetter, audit);
        // Both in flight at once, each awaited: the dead letter is handled only when its audit event is stored too.
        var written = producer.ProduceAsync(topic.Name, message, ct);
        var audited = producer.ProduceAsync(AuditPartitioning.In(Topics.AuditEmitted.Name, Topics.AuditEmitted.Partitions, Encoding.UTF8.GetString(auditMessage.Key)), auditMessage, ct);
        await Acknowledged(written, topic.Name, deadLetter, "it").ConfigureAwait(false);
        await Acknowledged(audited, topic.Name, deadLetter, $"its audit event to {Topics.AuditEmitted.Name}").ConfigureAwait(false);
        metrics.Record(topic.Name, deadLetter);
    }

    /// <summary>Waits for <paramref name="delivery"/>; a refusal names <paramref name="subject"/> ("it", or its audit event).</summary>
    private static async Task Acknowledged(Task<DeliveryResult<byte[], byte[]>> delivery, string topic, DeadLetter deadLetter, string subject)
    {
        DeliveryResult<byte[], byte[]> result;
        try
        {
            result = await delivery.ConfigureAwait(false);
        }
        catch (ProduceException<byte[], byte[]> e)
        {
            throw new DeadLetterNotWrittenException(topic, deadLetter, $"Kafka refused {subject} ({e.Error.Code}: {e.Error.Reason})", e);
        }

        if (result.Status != PersistenceStatus.Persisted)
        {
            throw new DeadLetterNotWrittenException(topic, deadLetter, $"Kafka reported {subject} {result.Status}, not Persisted");
        }
    }

    /// <inheritdoc />
    public bool TryPublish(Topic<string, DeadLetter> topic, DeadLetter deadLetter, Headers? originalHeaders = null, Exception? exception = null)
    {
        try
        {
            PublishAsync(topic, deadLetter, originalHeaders, exception).GetAwaiter().GetResult();
            return true;
        }
        catch (DeadLetterNotWrittenException e)
        {
            logger.LogError(e, "{Message}", e.Message);
            return false;
        }
    }

    /// <summary>Waits up to 10 s for queued dead letters, then closes the producer.</summary>
    public void Dispose()
    {
        producer.Flush(TimeSpan.FromSeconds(10));
        producer.Dispose();
    }

    private Message<byte[], byte[]> BuildAudit(Topic<string, DeadLetter> topic, DeadLetter deadLetter, AuditFact? fact)
    {
        try
        {
            var audit = new AuditEventFactory(deadLetter.processor).Create(fact ?? DeadLetterAudit.FactOf(deadLetter), deadLetter.failedAt);
            var value = auditSerDes.Serialize(audit, new SerializationContext(MessageComponentType.Value, Topics.AuditEmitted.Name));
            return new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes(audit.correlationId), Value = value };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new DeadLetterNotWrittenException(topic.Name, deadLetter, $"its audit event could not be built or serialized ({e.GetType().Name}: {e.Message})", e);
        }
    }

    private Message<byte[], byte[]> Build(Topic<string, DeadLetter> topic, DeadLetter deadLetter, Headers? originalHeaders, Exception? exception)
    {
        var headers = DeadLetterHeaders.For(deadLetter, originalHeaders, exception);
        try
        {
            var value = serDes.Serialize(deadLetter, new SerializationContext(MessageComponentType.Value, topic.Name, headers));
            return new Message<byte[], byte[]> { Key = deadLetter.rawKey, Value = value, Headers = headers };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new DeadLetterNotWrittenException(topic.Name, deadLetter, $"it could not be serialized as Avro ({e.GetType().Name}: {e.Message})", e);
        }
    }
}
