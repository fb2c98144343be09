using Confluent.Kafka;
using StreamFinance.Kafka.Hosting.Health;

namespace StreamFinance.Kafka.Hosting.Clients;

/// <summary>
/// A consumer builder whose consumers also tell <paramref name="health"/> about their errors and statistics. The
/// handlers are chained when the consumer is built, after Streamiz has set its own, since librdkafka takes one each.
/// </summary>
internal sealed class ObservedConsumerBuilder(ConsumerConfig config, StreamClientHealth health) : ConsumerBuilder<byte[], byte[]>(config)
{
    public override IConsumer<byte[], byte[]> Build()
    {
        var onError = ErrorHandler;
        var onStatistics = StatisticsHandler;
        ErrorHandler = (consumer, error) =>
        {
            onError?.Invoke(consumer, error);
            health.OnError(consumer.Name, error);
        };
        StatisticsHandler = (consumer, json) =>
        {
            onStatistics?.Invoke(consumer, json);
            health.OnStatistics(consumer.Name, json);
        };
        return base.Build();
    }
}
