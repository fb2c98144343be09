using Confluent.Kafka;

namespace StreamFinance.Benchmarks.Kafka;

/// <summary>Producing as fast as the producer's queue allows: a full queue is waited out, never an error.</summary>
internal static class ProducerBackpressure
{
    /// <summary>Produces <paramref name="message"/>, polling for delivery reports while the local queue is full.</summary>
    public static void ProduceWaiting<TKey, TValue>(
        this IProducer<TKey, TValue> producer, string topic, Message<TKey, TValue> message, Action<DeliveryReport<TKey, TValue>>? onDelivery = null)
    {
        while (true)
        {
            try
            {
                producer.Produce(topic, message, onDelivery);
                return;
            }
            catch (ProduceException<TKey, TValue> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                producer.Poll(TimeSpan.FromMilliseconds(10));
            }
        }
    }
}
