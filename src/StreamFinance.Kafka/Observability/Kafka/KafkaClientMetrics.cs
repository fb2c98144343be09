using Confluent.Kafka;
using Prometheus;

namespace StreamFinance.Kafka.Observability.Kafka;

/// <summary>
/// The librdkafka statistics StreamFinance watches, for every client in the process (the topologies' consumers and
/// producers through Streamiz, and the application's own producers):
/// <list type="bullet">
/// <item><c>streamfinance_kafka_consumer_lag{client,topic,partition}</c> (gauge, messages);</item>
/// <item><c>streamfinance_kafka_producer_queue_messages{client}</c> and <c>streamfinance_kafka_producer_queue_bytes{client}</c> (gauges);</item>
/// <item><c>streamfinance_kafka_request_errors_total{client,broker}</c>, <c>streamfinance_kafka_request_timeouts_total{client,broker}</c>
/// and <c>streamfinance_kafka_request_retries_total{client,broker}</c> (counters);</item>
/// <item><c>streamfinance_kafka_transient_fetch_errors_total{client,error}</c> (counter): fetch errors a consumer reported
/// and the stream went on after, by error code (the transient codes only).</item>
/// </list>
/// The <c>broker</c> label is the broker's node id, or <c>group-coordinator</c> / <c>txn-coordinator</c>; librdkafka's
/// bootstrap connections (node id -1) are left out.
/// </summary>
public sealed class KafkaClientMetrics
{
    private readonly object gate = new();
    private readonly Dictionary<string, ClientSeries> clients = new(StringComparer.Ordinal);
    private readonly Gauge consumerLag;
    private readonly Gauge queueMessages;
    private readonly Gauge queueBytes;
    private readonly Counter requestErrors;
    private readonly Counter requestTimeouts;
    private readonly Counter requestRetries;
    private readonly Counter transientFetchErrors;

    /// <summary>Creates the metrics through <paramref name="factory"/>.</summary>
    public KafkaClientMetrics(PrefixedMetricFactory factory)
    {
        consumerLag = factory.Gauge("kafka_consumer_lag", "Messages between the consumer's position and the partition's high watermark, from librdkafka statistics.", "client", "topic", "partition");
        queueMessages = factory.Gauge("kafka_producer_queue_messages", "Messages waiting in the producer's queues to be sent or acknowledged.", "client");
        queueBytes = factory.Gauge("kafka_producer_queue_bytes", "Bytes waiting in the producer's queues to be sent or acknowledged.", "client");
        requestErrors = factory.Counter("kafka_request_errors_total", "Request transmit and receive errors per broker, as librdkafka counts them.", "client", "broker");
        requestTimeouts = factory.Counter("kafka_request_timeouts_total", "Requests to a broker that timed out.", "client", "broker");
        requestRetries = factory.Counter("kafka_request_retries_total",
            "Requests librdkafka sent again to a broker or coordinator after a retriable error or a lost connection (txretries); message re-sends after a leader change are not requests retried.",
            "client", "broker");
        transientFetchErrors = factory.Counter("kafka_transient_fetch_errors_total",
            "Fetch errors a consumer reported that are transient (a leader moving, a request timed out, a connection dropped): the stream went on and librdkafka fetched again.",
            "client", "error");
    }

    /// <summary>The metrics in prometheus-net's default registry, served by the host.</summary>
    public static KafkaClientMetrics Default { get; } = new(PrefixedMetricFactory.Default);

    /// <summary>
    /// A librdkafka statistics handler that publishes each report here; for <c>SetStatisticsHandler</c> together
    /// with <c>statistics.interval.ms</c>. A report that cannot be read is skipped.
    /// </summary>
    public Action<string> StatisticsHandler => json =>
    {
        if (LibrdKafkaStatistics.TryParse(json, out var snapshot))
            Apply(snapshot);
    };

    /// <summary>Replaces everything published for the snapshot's client with the snapshot.</summary>
    public void Apply(KafkaClientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var client = snapshot.Client;
        lock (gate)
        {
            var previous = clients.GetValueOrDefault(client) ?? new ClientSeries();
            var current = new ClientSeries();
            current.FetchErrors.UnionWith(previous.FetchErrors);
            foreach (var lag in snapshot.Lags.Where(l => l.Partition >= 0 && l.Lag >= 0))
            {
                var partition = lag.Partition.ToString(System.Globalization.CultureInfo.InvariantCulture);
                consumerLag.WithLabels(client, lag.Topic, partition).Set(lag.Lag);
                current.Partitions.Add((lag.Topic, partition));
            }
            foreach (var (topic, partition) in previous.Partitions.Except(current.Partitions))
                consumerLag.RemoveLabelled(client, topic, partition);

            current.Producer = snapshot.QueueMessages is not null || snapshot.QueueBytes is not null;
            if (snapshot.QueueMessages is { } messages) queueMessages.WithLabels(client).Set(messages);
            if (snapshot.QueueBytes is { } bytes) queueBytes.WithLabels(client).Set(bytes);
            if (previous.Producer && !current.Producer)
                RemoveProducerQueue(client);

            foreach (var broker in snapshot.Brokers.Where(b => b.Broker != "-1"))
            {
                if (broker.Errors is { } errors) SetCumulative(requestErrors, errors, client, broker.Broker);
                if (broker.Timeouts is { } timeouts) SetCumulative(requestTimeouts, timeouts, client, broker.Broker);
                if (broker.Retries is { } retries) SetCumulative(requestRetries, retries, client, broker.Broker);
                current.Brokers.Add(broker.Broker);
            }
            foreach (var broker in previous.Brokers.Except(current.Brokers))
                RemoveBroker(client, broker);
            clients[client] = current;
        }
    }

    /// <summary>Counts one transient fetch error of <paramref name="client"/>.</summary>
    public void CountTransientFetchError(string client, ErrorCode error)
    {
        lock (gate)
        {
            var series = clients.TryGetValue(client, out var known) ? known : clients[client] = new ClientSeries();
            var code = error.ToString();
            series.FetchErrors.Add(code);
            transientFetchErrors.WithLabels(client, code).Inc();
        }
    }

    /// <summary>Removes every series of <paramref name="client"/>, for a client that was closed.</summary>
    public void Forget(string client)
    {
        lock (gate)
        {
            if (!clients.Remove(client, out var series))
                return;
            foreach (var (topic, partition) in series.Partitions)
                consumerLag.RemoveLabelled(client, topic, partition);
            if (series.Producer)
                RemoveProducerQueue(client);
            foreach (var broker in series.Brokers)
                RemoveBroker(client, broker);
            foreach (var code in series.FetchErrors)
                transientFetchErrors.RemoveLabelled(client, code);
        }
    }

    private void RemoveProducerQueue(string client)
    {
        queueMessages.RemoveLabelled(client);
        queueBytes.RemoveLabelled(client);
    }

    private void RemoveBroker(string client, string broker)
    {
        requestErrors.RemoveLabelled(client, broker);
        requestTimeouts.RemoveLabelled(client, broker);
        requestRetries.RemoveLabelled(client, broker);
    }

    // librdkafka's counts only grow while a client lives. A smaller value means a new client under the same id:
    // the series restarts from zero, which Prometheus reads as a counter reset.
    private static void SetCumulative(Counter counter, long value, params string[] labels)
    {
        var child = counter.WithLabels(labels);
        if (value < child.Value)
        {
            counter.RemoveLabelled(labels);
            child = counter.WithLabels(labels);
        }
        child.IncTo(value);
    }

    private sealed class ClientSeries
    {
        public HashSet<(string Topic, string Partition)> Partitions { get; } = [];

        public HashSet<string> Brokers { get; } = new(StringComparer.Ordinal);

        public bool Producer { get; set; }

        public HashSet<string> FetchErrors { get; } = new(StringComparer.Ordinal);
    }
}
