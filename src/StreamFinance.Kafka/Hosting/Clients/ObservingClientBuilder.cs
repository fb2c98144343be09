using Confluent.Kafka;
using StreamFinance.Kafka.Hosting.Health;
using Streamiz.Kafka.Net.Kafka;

namespace StreamFinance.Kafka.Hosting.Clients;

/// <summary>
/// The builders Streamiz's <see cref="DefaultKafkaClientSupplier"/> makes its consumers and producers with, so that the
/// error and statistics callbacks Streamiz sets also reach a <see cref="StreamClientHealth"/>. Streamiz's own handlers
/// still run first, unchanged.
/// </summary>
/// <param name="health">Where the clients' reports go.</param>
public sealed class ObservingClientBuilder(StreamClientHealth health) : DefaultKafkaClientBuilder
{
    /// <inheritdoc />
    public override ConsumerBuilder<byte[], byte[]> GetConsumerBuilder(ConsumerConfig config) => new ObservedConsumerBuilder(config, health);

    /// <inheritdoc />
    public override ProducerBuilder<byte[], byte[]> GetProducerBuilder(ProducerConfig config) => new ObservedProducerBuilder(config, health);
}
