using System.Globalization;
using StreamFinance.Kafka.Observability.Kafka;

namespace StreamFinance.Kafka.Observability.Streamiz;

/// <summary>
/// Gathers the librdkafka metrics Streamiz exposes (with <c>ExposeLibrdKafkaStats</c>) into one
/// <see cref="KafkaClientSnapshot"/> per client, so that they are published under the same names as the
/// application's own clients.
/// </summary>
internal sealed class KafkaClientSnapshotBuilder(string client)
{
    private const string ConsumerGroup = "stream-librdkafka-consumer-metrics";
    private const string ProducerGroup = "stream-librdkafka-producer-metrics";
    private const string ClientTag = "librdkafka_client_id";

    private readonly List<PartitionLag> lags = [];
    private readonly Dictionary<string, (long? Errors, long? Timeouts)> brokers = new(StringComparer.Ordinal);
    private long? queueMessages;
    private long? queueBytes;

    public string Client => client;

    /// <summary>Adds <paramref name="sample"/> to its client's builder if it is one of the promoted librdkafka metrics.</summary>
    public static void Collect(SensorSample sample, Dictionary<string, KafkaClientSnapshotBuilder> clients)
    {
        if (sample.Group is not (ConsumerGroup or ProducerGroup) || !sample.Tags.TryGetValue(ClientTag, out var client) || string.IsNullOrEmpty(client))
            return;
        if (sample.Value is not IConvertible convertible || sample.Value is string)
            return;
        var value = (long)convertible.ToDouble(CultureInfo.InvariantCulture);
        var tags = sample.Tags;
        KafkaClientSnapshotBuilder Builder() => clients.TryGetValue(client, out var b) ? b : clients[client] = new KafkaClientSnapshotBuilder(client);

        switch (sample.Group, sample.Name)
        {
            case (ConsumerGroup, "consumer-lag")
                when tags.GetValueOrDefault("topic") is { Length: > 0 } topic
                     && int.TryParse(tags.GetValueOrDefault("partition_id"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var partition):
                Builder().lags.Add(new PartitionLag(topic, partition, value));
                break;
            case (ProducerGroup, "messages-queue-current-total"):
                Builder().queueMessages = value;
                break;
            case (ProducerGroup, "bytes-queue-current-total"):
                Builder().queueBytes = value;
                break;
            case (ProducerGroup, "broker-error-total") or (ConsumerGroup, "broker-error-received-total")
                when tags.GetValueOrDefault("broker_id") is { Length: > 0 } broker:
                Builder().SetBroker(broker, errors: value, timeouts: null);
                break;
            case (ProducerGroup, "broker-timeout-total") when tags.GetValueOrDefault("broker_id") is { Length: > 0 } broker:
                Builder().SetBroker(broker, errors: null, timeouts: value);
                break;
        }
    }

    public KafkaClientSnapshot Build() => new(
        client,
        lags,
        queueMessages,
        queueBytes,
        brokers.Select(b => new BrokerRequestCounts(b.Key, b.Value.Errors, b.Value.Timeouts)).ToList());

    private void SetBroker(string broker, long? errors, long? timeouts)
    {
        var (e, t) = brokers.GetValueOrDefault(broker);
        brokers[broker] = (errors ?? e, timeouts ?? t);
    }
}
