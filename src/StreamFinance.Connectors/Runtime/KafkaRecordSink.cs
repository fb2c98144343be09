using Confluent.Kafka;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Producing;
using StreamFinance.Contracts.Catalog;

namespace StreamFinance.Connectors.Runtime;

/// <summary>The connectors' sink on Kafka: a <see cref="CanonicalRecordProducer"/> (idempotent, acks=all, keyed by business id, envelope headers).</summary>
public sealed class KafkaRecordSink(CanonicalRecordProducer producer) : IRecordSink
{
    /// <inheritdoc />
    public void Produce(TopicSpec topic, MappedRecord record, Action<DeliveryOutcome> onDelivery)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(onDelivery);
        while (true)
        {
            try
            {
                producer.Produce(topic, record.Key, record.Value, report => onDelivery(
                    report.Error.IsError ? new DeliveryOutcome($"{report.Error.Code}: {report.Error.Reason}") : DeliveryOutcome.Acknowledged));
                return;
            }
            catch (ProduceException<string, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                // Back-pressure: the local queue is full, so let acknowledgements drain before queueing more.
                producer.Flush(TimeSpan.FromMilliseconds(50));
            }
        }
    }

    /// <inheritdoc />
    public int Flush(TimeSpan timeout) => producer.Flush(timeout);

    /// <inheritdoc />
    public void Dispose() => producer.Dispose();
}
