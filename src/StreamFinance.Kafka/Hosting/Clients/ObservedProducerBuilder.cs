using Confluent.Kafka;
using StreamFinance.Kafka.Hosting.Health;

namespace StreamFinance.Kafka.Hosting.Clients;

/// <summary>
/// A producer builder whose producers also tell <paramref name="brokers"/> about their errors and statistics. A
/// producer's callbacks come from its own polling thread, so they keep coming while a stream thread is blocked.
/// </summary>
internal sealed class ObservedProducerBuilder(ProducerConfig config, BrokerReachability brokers) : ProducerBuilder<byte[], byte[]>(config)
{
    public override IProducer<byte[], byte[]> Build()
    {
        var onError = ErrorHandler;
        var onStatistics = StatisticsHandler;
        ErrorHandler = (producer, error) =>
        {
            onError?.Invoke(producer, error);
            brokers.OnError(producer.Name, error);
        };
        StatisticsHandler = (producer, json) =>
        {
            onStatistics?.Invoke(producer, json);
            brokers.OnStatistics(producer.Name, json);
        };
        return base.Build();
    }
}
