using Confluent.Kafka;
using StreamFinance.Embedded.Broker.Internals;

namespace StreamFinance.Embedded.Broker;

/// <summary>
/// An in-process Kafka cluster: librdkafka's mock cluster, speaking the real Kafka protocol on
/// 127.0.0.1. For tests and the demo only; never required in production.
/// </summary>
/// <remarks>
/// <para>Defaults: brokers listen on ephemeral loopback ports; <c>group.initial.rebalance.delay.ms</c> is 0.</para>
/// <para>
/// Consumer groups: when the last member of a group leaves, the mock keeps the group rebalancing for
/// the member's <c>session.timeout.ms</c> minus 1 s (44 s by default) before a new member can join.
/// Clients that rejoin a group on this cluster should use a short <c>session.timeout.ms</c> (e.g. 6000).
/// </para>
/// <para>
/// Create every topic through <see cref="CreateTopic"/> before a client uses it. The mock has no
/// switch to turn off auto-creation: a Metadata request that allows auto-creation (any producer,
/// or a consumer with <c>allow.auto.create.topics=true</c>) silently creates an unknown topic with
/// 4 partitions, and the Admin API's CreateTopics is not supported (it times out). Streamiz apps
/// therefore need their internal topics created here too.
/// </para>
/// <para>
/// The mock API only works inside the process hosting the cluster. The cluster lives until
/// <see cref="Dispose"/> or process exit; there is no finaliser.
/// </para>
/// </remarks>
public sealed class EmbeddedKafkaCluster : IDisposable
{
    private readonly object gate = new();
    private readonly Dictionary<string, int> topics = new(StringComparer.Ordinal);
    private readonly NativeMockCluster native;
    private readonly IReadOnlyList<LoopbackPortForwarder> forwarders;
    private bool disposed;

    private EmbeddedKafkaCluster(NativeMockCluster native, IReadOnlyList<LoopbackPortForwarder> forwarders, int brokerCount)
    {
        this.native = native;
        this.forwarders = forwarders;
        BrokerCount = brokerCount;
        BootstrapServers = forwarders.Count == 0
            ? native.BootstrapServers
            : string.Join(",", forwarders.Select(f => $"127.0.0.1:{f.Port}"));
    }

    /// <summary>The brokers' <c>host:port</c> list, for <c>bootstrap.servers</c>.</summary>
    public string BootstrapServers { get; }

    /// <summary>The number of brokers; their ids are 1 to <see cref="BrokerCount"/>.</summary>
    public int BrokerCount { get; }

    /// <summary>
    /// A snapshot of the topics created through <see cref="CreateTopic"/>, with their partition counts.
    /// Topics that clients auto-created are not listed.
    /// </summary>
    public IReadOnlyDictionary<string, int> Topics
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<string, int>(topics, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Starts a cluster of <paramref name="brokers"/> brokers (default 1).</summary>
    /// <param name="brokers">Number of brokers, 1 or more.</param>
    /// <param name="port">
    /// Null (the default) or 0: every broker listens on an ephemeral 127.0.0.1 port. Otherwise broker
    /// <c>n</c> is reached on 127.0.0.1:<c>port + n - 1</c>. The mock itself can only bind ephemeral
    /// ports, so a fixed port is a relay in this process to the broker's ephemeral port, and the broker
    /// advertises the relay's port (<c>rd_kafka_mock_broker_set_host_port</c>). The relay costs
    /// throughput; prefer ephemeral ports for benchmarks.
    /// </param>
    /// <exception cref="InvalidOperationException">A requested port is in use or cannot be bound.</exception>
    public static EmbeddedKafkaCluster Start(int brokers = 1, int? port = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokers, 1);
        if (port is < 0 || port + brokers - 1 > System.Net.IPEndPoint.MaxPort)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, $"Ports {port} to {port + brokers - 1} for {brokers} broker(s) are not all TCP ports.");
        }

        var native = NativeMockCluster.Create(brokers);
        var forwarders = new List<LoopbackPortForwarder>();
        try
        {
            if (port is > 0)
            {
                var listenerPorts = native.ListenerPorts;
                for (var broker = 1; broker <= brokers; broker++)
                {
                    var forwarder = LoopbackPortForwarder.Start(port.Value + broker - 1, listenerPorts[broker - 1]);
                    forwarders.Add(forwarder);
                    native.AdvertiseLoopbackPort(broker, forwarder.Port);
                }
            }

            return new EmbeddedKafkaCluster(native, forwarders, brokers);
        }
        catch
        {
            forwarders.ForEach(f => f.Dispose());
            native.Destroy();
            throw;
        }
    }

    /// <summary>
    /// Creates <paramref name="name"/> with <paramref name="partitions"/> partitions. Calling it again with
    /// the same partition count does nothing.
    /// </summary>
    /// <param name="name">Topic name.</param>
    /// <param name="partitions">Partition count, 1 or more.</param>
    /// <param name="replicationFactor">Replicas per partition, 1 (default) to <see cref="BrokerCount"/>.</param>
    /// <exception cref="InvalidOperationException">The topic already exists with another partition count, or the mock refused it.</exception>
    public void CreateTopic(string name, int partitions, int replicationFactor = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        if (replicationFactor < 1 || replicationFactor > BrokerCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(replicationFactor), replicationFactor,
                $"Replication factor for topic '{name}' must be between 1 and the cluster's {BrokerCount} broker(s).");
        }

        lock (gate)
        {
            ThrowIfDisposed();
            if (topics.TryGetValue(name, out var existing))
            {
                EnsureSamePartitionCount(name, existing, partitions);
                return;
            }

            var error = native.CreateTopic(name, partitions, replicationFactor);
            if (error == ErrorCode.TopicAlreadyExists)
            {
                // Auto-created by a client before anyone created it here: accept it only if it matches.
                EnsureSamePartitionCount(name, PartitionCountFromMetadata(name), partitions);
            }
            else if (error != ErrorCode.NoError)
            {
                throw new InvalidOperationException($"The embedded Kafka cluster could not create topic '{name}' ({partitions} partitions): {error}.");
            }

            topics[name] = partitions;
        }
    }

    /// <summary>
    /// Takes broker <paramref name="brokerId"/> down: its connections are closed and new ones refused.
    /// Partition leadership does not move.
    /// </summary>
    public void SetBrokerDown(int brokerId) => ChangeBroker(brokerId, "down", native.SetBrokerDown);

    /// <summary>Brings broker <paramref name="brokerId"/> back up after <see cref="SetBrokerDown"/>.</summary>
    public void SetBrokerUp(int brokerId) => ChangeBroker(brokerId, "up", native.SetBrokerUp);

    /// <summary>
    /// Moves the leadership of <paramref name="topic"/>'s partition <paramref name="partition"/> to broker
    /// <paramref name="brokerId"/>, as Kafka's controller does when a leader fails or a reassignment completes. The
    /// mock keeps every partition's data in one place, so nothing is lost or copied; clients still talking to the old
    /// leader get <c>NOT_LEADER_OR_FOLLOWER</c> on their next Produce or Fetch, refresh their metadata and move.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The topic was not created through <see cref="CreateTopic"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The partition or the broker does not exist (<c>ParamName</c> says which).</exception>
    public void SetPartitionLeader(string topic, int partition, int brokerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        lock (gate)
        {
            ThrowIfDisposed();
            if (!topics.TryGetValue(topic, out var partitions))
                throw new KeyNotFoundException($"Topic '{topic}' does not exist on this cluster; only topics created through it can be changed.");
            if (partition < 0 || partition >= partitions)
                throw new ArgumentOutOfRangeException(nameof(partition), partition, $"Topic '{topic}' has partitions 0 to {partitions - 1}.");
            ThrowIfNoSuchBroker(brokerId);
            var error = native.SetPartitionLeader(topic, partition, brokerId);
            if (error != ErrorCode.NoError)
                throw new InvalidOperationException($"The embedded Kafka cluster could not make broker {brokerId} the leader of {topic} [{partition}]: {error}.");
        }
    }

    /// <summary>
    /// Makes the next <c>errors.Length</c> requests of type <paramref name="apiKey"/>, to any broker, fail
    /// with these errors, in order. <see cref="ErrorCode.Local_Transport"/> makes the broker drop the connection.
    /// </summary>
    /// <exception cref="ArgumentException">An error is neither a Kafka protocol error (a positive code) nor <see cref="ErrorCode.Local_Transport"/>.</exception>
    public void PushRequestErrors(KafkaApiKey apiKey, params ErrorCode[] errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors.Where(e => !IsInjectable(e)))
            throw new ArgumentException($"{error} ({(int)error}) cannot be returned by a broker: use a Kafka protocol error (a positive code) or Local_Transport to drop the connection.", nameof(errors));
        lock (gate)
        {
            ThrowIfDisposed();
            native.PushRequestErrors((short)apiKey, errors);
        }
    }

    /// <summary>Drops every error still pushed for <paramref name="apiKey"/>.</summary>
    public void ClearRequestErrors(KafkaApiKey apiKey)
    {
        lock (gate)
        {
            ThrowIfDisposed();
            native.ClearRequestErrors((short)apiKey);
        }
    }

    /// <summary>Stops the brokers and frees the native cluster. Safe to call more than once.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            foreach (var forwarder in forwarders)
            {
                forwarder.Dispose();
            }

            native.Destroy();
        }
    }

    /// <summary>Whether a broker can answer a request with <paramref name="error"/>: a protocol error, or a dropped connection.</summary>
    public static bool IsInjectable(ErrorCode error) => error == ErrorCode.Local_Transport || (int)error > 0 && Enum.IsDefined(error);

    private void ThrowIfNoSuchBroker(int brokerId)
    {
        if (brokerId < 1 || brokerId > BrokerCount)
        {
            throw new ArgumentOutOfRangeException(nameof(brokerId), brokerId, $"Broker {brokerId} does not exist: this cluster's broker ids are {string.Join(", ", Enumerable.Range(1, BrokerCount))}.");
        }
    }

    private void ChangeBroker(int brokerId, string state, Func<int, ErrorCode> change)
    {
        ThrowIfNoSuchBroker(brokerId);
        lock (gate)
        {
            ThrowIfDisposed();
            var error = change(brokerId);
            if (error != ErrorCode.NoError)
            {
                throw new InvalidOperationException($"The embedded Kafka cluster could not set broker {brokerId} {state}: {error}.");
            }
        }
    }

    private int PartitionCountFromMetadata(string name)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers }).Build();
        var metadata = admin.GetMetadata(name, TimeSpan.FromSeconds(10));
        return metadata.Topics.Single(t => t.Topic == name).Partitions.Count;
    }

    private static void EnsureSamePartitionCount(string name, int existing, int requested)
    {
        if (existing != requested)
        {
            throw new InvalidOperationException(
                $"Topic '{name}' already exists with {existing} partition(s); it cannot be created again with {requested}. " +
                "Use a fresh topic name, or a new cluster, to change its partition count.");
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(disposed, this);
}
