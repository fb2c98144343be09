using Confluent.Kafka;
using StreamFinance.Kafka.Hosting.Health;

namespace StreamFinance.Kafka.Hosting.Clients;

/// <summary>
/// A producer builder whose producers also tell <paramref name="health"/> about their errors and statistics. A
/// producer's callbacks come from its own polling thread, so they keep coming while a stream thread is blocked.
/// </summary>
internal sealed class ObservedProducerBuilder(ProducerConfig config, StreamClientHealth health) : ProducerBuilder<byte[], byte[]>(config)
{
    public override IProducer<byte[], byte[]> Build()
    {
        var onError = ErrorHandler;
        var onStatistics = StatisticsHandler;
        ErrorHandler = (producer, error) =>
        {
            onError?.Invoke(producer, error);
            health.OnError(producer.Name, error);
        };
        StatisticsHandler = (producer, json) =>
        {
            onStatistics?.Invoke(producer, json);
            health.OnStatistics(producer.Name, json);
        };
        return base.Build();
    }
}
