using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Confluent.Kafka;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Kafka;
using Streamiz.Kafka.Net.Metrics;

namespace StreamFinance.Topologies.Hosting;

/// <summary>
/// Streamiz's default Kafka clients, plus the release of every admin client it handed out once the
/// <c>KafkaStream</c> is disposed (<see cref="Dispose"/>, after the stream's own disposal).
/// </summary>
/// <remarks>
/// Streamiz 1.8.2 gives the global stream thread (topologies with a GlobalKTable) an admin client that nothing
/// disposes. It outlives the stream and its host, and when the brokers go away (the demo's embedded cluster torn down
/// at exit, a broker restarted later) librdkafka reports "1/1 brokers are down" through it, which Streamiz logs as an
/// error after a clean stop. The other admin clients are disposed by Streamiz itself; since a Confluent admin client
/// must not be disposed twice, each one is handed out behind a proxy whose disposal happens once, whoever asks first.
/// </remarks>
public sealed class AdminClientReleasingSupplier : IKafkaSupplier, IDisposable
{
    private readonly IKafkaSupplier inner;
    private readonly ConcurrentQueue<IAdminClient> handedOut = new();

    /// <summary>Streamiz's <see cref="DefaultKafkaClientSupplier"/> for <paramref name="config"/>, as <c>new KafkaStream(topology, config)</c> would build it.</summary>
    public AdminClientReleasingSupplier(IStreamConfig config)
        : this(new DefaultKafkaClientSupplier(new KafkaLoggerAdapter(config), config))
    {
    }

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public AdminClientReleasingSupplier(IKafkaSupplier inner) => this.inner = inner;

    /// <inheritdoc />
    public StreamMetricsRegistry MetricsRegistry
    {
        get => inner.MetricsRegistry;
        set => inner.MetricsRegistry = value;
    }

    /// <inheritdoc />
    public IAdminClient GetAdmin(AdminClientConfig config)
    {
        var client = DisposedOnce.Wrap(inner.GetAdmin(config));
        handedOut.Enqueue(client);
        return client;
    }

    /// <inheritdoc />
    public IConsumer<byte[], byte[]> GetConsumer(ConsumerConfig config, IConsumerRebalanceListener rebalanceListener) =>
        inner.GetConsumer(config, rebalanceListener);

    /// <inheritdoc />
    public IProducer<byte[], byte[]> GetProducer(ProducerConfig config) => inner.GetProducer(config);

    /// <inheritdoc />
    public IConsumer<byte[], byte[]> GetRestoreConsumer(ConsumerConfig config) => inner.GetRestoreConsumer(config);

    /// <inheritdoc />
    public IConsumer<byte[], byte[]> GetGlobalConsumer(ConsumerConfig config) => inner.GetGlobalConsumer(config);

    /// <summary>Disposes every admin client handed out that Streamiz has not disposed. Call after disposing the stream.</summary>
    public void Dispose()
    {
        while (handedOut.TryDequeue(out var client))
            client.Dispose();
    }

    /// <summary>An admin client whose <see cref="IDisposable.Dispose"/> reaches the real client once; every other call passes through.</summary>
    internal class DisposedOnce : DispatchProxy
    {
        private IAdminClient target = null!;
        private int disposed;

        public static IAdminClient Wrap(IAdminClient target)
        {
            var proxy = Create<IAdminClient, DisposedOnce>();
            ((DisposedOnce)(object)proxy).target = target;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (targetMethod.Name == nameof(IDisposable.Dispose) && targetMethod.GetParameters().Length == 0)
            {
                if (Interlocked.Exchange(ref disposed, 1) == 0)
                    target.Dispose();
                return null;
            }
            try
            {
                return targetMethod.Invoke(target, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }
    }
}
