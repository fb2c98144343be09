using System.Collections.Concurrent;
using Confluent.Kafka;
using StreamFinance.Kafka.Hosting.Health;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Kafka;
using Streamiz.Kafka.Net.Metrics;

namespace StreamFinance.Kafka.Hosting.Clients;

/// <summary>
/// The Kafka clients of every StreamFinance <c>KafkaStream</c>: Streamiz's own, except that restore and global
/// consumers are <see cref="ReadableEndConsumer"/>s, so that stores restore to the end of topics written under
/// exactly-once (whose partitions end with transaction markers) instead of waiting for a record that never comes; and
/// stream threads' consumers join as static members when an instance id is given; and every admin client it handed
/// out is released when it is disposed, after the stream. Given a <see cref="StreamClientHealth"/>, its consumers and
/// producers report errors and statistics there, and the stream threads' consumers are tracked for their backlog.
/// </summary>
/// <remarks>
/// Streamiz 1.8.2 gives the global stream thread (topologies with a GlobalKTable) an admin client that nothing
/// disposes. It outlives the stream and its host, and when the brokers go away (the demo's embedded cluster torn down
/// at exit, a broker restarted later) librdkafka reports "1/1 brokers are down" through it, which Streamiz logs as an
/// error after a clean stop. Streamiz disposes the other admin clients itself, so each is handed out behind a
/// <see cref="StreamAdminClient"/>.
/// </remarks>
public sealed class StreamFinanceKafkaSupplier : IKafkaSupplier, IDisposable
{
    private readonly DefaultKafkaClientSupplier clients;
    private readonly ConcurrentQueue<IAdminClient> handedOut = new();
    private readonly string? instanceId;
    private readonly StreamClientHealth? health;

    /// <summary>Clients for a stream of <paramref name="config"/>, logging through its logger.</summary>
    /// <param name="config">The stream's configuration.</param>
    /// <param name="instanceId">
    /// This instance's stable name (<see cref="Configuration.StreamsOptions.EffectiveInstanceId"/>): each stream thread's
    /// consumer then joins its group as the static member <c>{instanceId}-{consumer client id}</c>. Null: dynamic members.
    /// </param>
    /// <param name="health">Where the clients report their health; null: nowhere.</param>
    public StreamFinanceKafkaSupplier(IStreamConfig config, string? instanceId = null, StreamClientHealth? health = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var logger = new KafkaLoggerAdapter(config);
        clients = health is null
            ? new DefaultKafkaClientSupplier(logger, config)
            : new DefaultKafkaClientSupplier(logger, config, new ObservingClientBuilder(health));
        this.instanceId = instanceId;
        this.health = health;
    }

    /// <inheritdoc />
    public StreamMetricsRegistry MetricsRegistry
    {
        get => clients.MetricsRegistry;
        set => clients.MetricsRegistry = value;
    }

    /// <inheritdoc />
    public IAdminClient GetAdmin(AdminClientConfig config)
    {
        var client = StreamAdminClient.Wrap(clients.GetAdmin(config));
        handedOut.Enqueue(client);
        return client;
    }

    /// <inheritdoc />
    public IConsumer<byte[], byte[]> GetConsumer(ConsumerConfig config, IConsumerRebalanceListener rebalanceListener)
    {
        // The client id names the stream thread (unique in the process); the instance id names the process.
        if (instanceId is not null)
            config.GroupInstanceId = $"{instanceId}-{config.ClientId}";
        var consumer = clients.GetConsumer(config, rebalanceListener);
        return health is null ? consumer : new TrackedConsumer(consumer, config, health.Backlog, SkippedBy(config));
    }

    /// <inheritdoc />
    public IProducer<byte[], byte[]> GetProducer(ProducerConfig config) => clients.GetProducer(config);

    /// <inheritdoc />
    public IConsumer<byte[], byte[]> GetRestoreConsumer(ConsumerConfig config) => new ReadableEndConsumer(clients.GetRestoreConsumer(config), config, SkippedBy(config));

    /// <inheritdoc />
    public IConsumer<byte[], byte[]> GetGlobalConsumer(ConsumerConfig config) => new ReadableEndConsumer(clients.GetGlobalConsumer(config), config, SkippedBy(config));

    private Action<Error>? SkippedBy(ConsumerConfig config) => health is null ? null : error => health.OnTransientFetchError(config.ClientId, error);

    /// <summary>Disposes every admin client handed out that Streamiz has not disposed. Call after disposing the stream.</summary>
    public void Dispose()
    {
        while (handedOut.TryDequeue(out var client))
            client.Dispose();
    }
}
