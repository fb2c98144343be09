using System.Collections.Concurrent;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using Streamiz.Kafka.Net;

namespace StreamFinance.Kafka.DeadLetters;

/// <summary>
/// Streamiz's deserialization and production exception handlers for one topology: each routes the poison record to the
/// topology's dead-letter topic through an <see cref="IDeadLetterPublisher"/> and answers CONTINUE, so one bad record
/// never stops a stream thread. When the dead letter is not acknowledged they answer FAIL instead: the stream stops
/// rather than skip a record that is recorded nowhere.
/// </summary>
/// <remarks>
/// Streamiz 1.8 deserializes each record twice (once to extract its timestamp when queued, once to process it) and calls
/// the handler both times, and other records of the partition may be queued in between (so two poison records in a row
/// are seen as 1, 2, 1, 2); a call for a partition and offset among the last <see cref="RecentOffsets.Capacity"/>
/// dead-lettered is answered CONTINUE without a second dead letter. The publisher writes outside the exactly-once transaction (see <see cref="DeadLetterPublisher"/>).
/// </remarks>
public sealed class DeadLetterExceptionHandlers
{
    private readonly string topologyName;
    private readonly Topic<string, DeadLetter> deadLetterTopic;
    private readonly IDeadLetterPublisher publisher;
    private readonly DeadLetterFactory factory;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<TopicPartition, RecentOffsets> deadLettered = new();

    /// <summary>Creates the handlers of <paramref name="topologyName"/>.</summary>
    /// <param name="topologyName">The topology's name; processors are reported as <c>&lt;name&gt;.deserialize</c> and <c>&lt;name&gt;.produce</c>.</param>
    /// <param name="deadLetterTopic">Where its poison records go (<see cref="IStreamTopology.DeadLetterTopic"/>).</param>
    /// <param name="publisher">The out-of-band writer.</param>
    /// <param name="factory">Builds the dead letters. Default <see cref="DeadLetterFactory.System"/>.</param>
    /// <param name="logger">Where routed records are reported at Warning level. Default: none.</param>
    public DeadLetterExceptionHandlers(
        string topologyName, Topic<string, DeadLetter> deadLetterTopic, IDeadLetterPublisher publisher, DeadLetterFactory? factory = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topologyName);
        this.topologyName = topologyName;
        this.deadLetterTopic = deadLetterTopic ?? throw new ArgumentNullException(nameof(deadLetterTopic));
        this.publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
        this.factory = factory ?? DeadLetterFactory.System;
        this.logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Processor name written into deserialization dead letters: <c>&lt;topology&gt;.deserialize</c>.</summary>
    public string DeserializationProcessor => $"{topologyName}.deserialize";

    /// <summary>Processor name written into production dead letters: <c>&lt;topology&gt;.produce</c>.</summary>
    public string ProductionProcessor => $"{topologyName}.produce";

    /// <summary>
    /// The <c>StreamConfig.DeserializationExceptionHandler</c>: dead-letters <paramref name="record"/> with its exact
    /// bytes and headers as <see cref="ReasonCode.DeserializationFailed"/>. <paramref name="context"/> is not read.
    /// </summary>
    public ExceptionHandlerResponse OnDeserializationError(ProcessorContext context, ConsumeResult<byte[], byte[]> record, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(exception);
        var recent = deadLettered.GetOrAdd(record.TopicPartition, _ => new RecentOffsets());
        if (recent.Contains(record.Offset.Value))
        {
            return ExceptionHandlerResponse.CONTINUE;
        }

        var failed = FailedRecord.From(record);
        var message = $"Topology '{topologyName}' could not deserialize the record at {failed.Origin}: {exception.Message}" +
                      $"{WireFormatHint(record.Message?.Value)} {ReasonCode.DeserializationFailed.Remedy}";
        var failure = new Failure(ReasonCode.DeserializationFailed, message) { Exception = exception };
        if (!Route(failure, failed, DeserializationProcessor, exception))
        {
            return ExceptionHandlerResponse.FAIL;
        }

        recent.Add(record.Offset.Value);
        return ExceptionHandlerResponse.CONTINUE;
    }

    /// <summary>
    /// The <c>StreamConfig.ProductionExceptionHandler</c>: dead-letters the record Kafka refused, with the bytes that
    /// were to be written, as <see cref="ReasonCode.ProductionFailed"/>; its origin is the topic it was bound for.
    /// </summary>
    public ProductionExceptionHandlerResponse OnProductionError(DeliveryReport<byte[], byte[]> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var failed = FailedRecord.From(report);
        var exception = new KafkaException(report.Error);
        var message = $"Topology '{topologyName}' could not write a record to '{report.Topic}': {report.Error.Code} ({report.Error.Reason}). " +
                      ReasonCode.ProductionFailed.Remedy;
        var failure = new Failure(ReasonCode.ProductionFailed, message) { Exception = exception };
        return Route(failure, failed, ProductionProcessor, exception)
            ? ProductionExceptionHandlerResponse.CONTINUE
            : ProductionExceptionHandlerResponse.FAIL;
    }

    private bool Route(Failure failure, FailedRecord failed, string processor, Exception exception)
    {
        var deadLetter = factory.Create(failure, failed, processor);
        if (!publisher.TryPublish(deadLetterTopic, deadLetter, failed.Headers, exception))
        {
            return false;
        }

        logger.LogWarning(
            "Dead-lettered the record at {Origin} to {DeadLetterTopic} as {Reason} (owner {Owner}, correlation id {CorrelationId}): {Message}",
            failed.Origin, deadLetterTopic.Name, deadLetter.reasonCode, deadLetter.ownerRole, deadLetter.correlationId, deadLetter.message);
        return true;
    }

    /// <summary>Says so when bytes cannot be Confluent Avro at all: the usual cause is a producer using another serializer.</summary>
    private static string WireFormatHint(byte[]? value) =>
        value is { Length: > 0 } && (value.Length < 5 || value[0] != 0)
            ? $" (the value is not in Confluent wire format: it starts with 0x{value[0]:X2}, not the magic byte 0x00 and a schema id)"
            : "";

    /// <summary>The offsets of one partition dead-lettered lately, the oldest forgotten first.</summary>
    private sealed class RecentOffsets
    {
        /// <summary>Offsets remembered per partition: more than Streamiz buffers per partition (1000 by default).</summary>
        public const int Capacity = 4096;

        private readonly HashSet<long> offsets = [];
        private readonly Queue<long> order = new();

        public bool Contains(long offset)
        {
            lock (offsets)
                return offsets.Contains(offset);
        }

        public void Add(long offset)
        {
            lock (offsets)
            {
                if (!offsets.Add(offset))
                    return;
                order.Enqueue(offset);
                if (order.Count > Capacity)
                    offsets.Remove(order.Dequeue());
            }
        }
    }
}
