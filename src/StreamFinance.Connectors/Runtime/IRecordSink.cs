using StreamFinance.Connectors.Mapping;
using StreamFinance.Contracts.Catalog;

namespace StreamFinance.Connectors.Runtime;

/// <summary>
/// Where connectors write canonical records. <see cref="KafkaRecordSink"/> is the real one (idempotent, acks=all,
/// headers from the envelope); tests substitute sinks that withhold or fail acknowledgements.
/// </summary>
public interface IRecordSink : IDisposable
{
    /// <summary>Queues <paramref name="record"/> for <paramref name="topic"/>; <paramref name="onDelivery"/> is called exactly once with Kafka's answer, on any thread.</summary>
    /// <exception cref="ArgumentException">The record cannot be serialized for the topic (a bug in the mapper or the generator).</exception>
    void Produce(TopicSpec topic, MappedRecord record, Action<DeliveryOutcome> onDelivery);

    /// <summary>Waits until queued records are answered or <paramref name="timeout"/> passes; returns how many are still queued.</summary>
    int Flush(TimeSpan timeout);
}
