using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Contracts.Catalog;

namespace StreamFinance.IntegrationTests.Connectors;

/// <summary>
/// A producer that dies mid-file: the first <paramref name="passThrough"/> records go to Kafka through
/// <paramref name="inner"/>; the rest are swallowed and never answered, as when a process is killed with records still
/// in its producer's queue.
/// </summary>
public sealed class StallingSink(IRecordSink inner, int passThrough) : IRecordSink
{
    private int count;

    public void Produce(TopicSpec topic, MappedRecord record, Action<DeliveryOutcome> onDelivery)
    {
        if (Interlocked.Increment(ref count) <= passThrough)
            inner.Produce(topic, record, onDelivery);
    }

    public int Flush(TimeSpan timeout) => inner.Flush(timeout);

    public void Dispose() => inner.Dispose();
}
