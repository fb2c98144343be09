using System.Runtime.InteropServices;
using System.Text;
using Confluent.Kafka;

namespace StreamFinance.Embedded.Broker.Internals;

/// <summary>
/// Owns the two native objects behind a mock cluster: the <c>rd_kafka_t</c> that hosts it and the
/// <c>rd_kafka_mock_cluster_t</c> itself. Translates C return codes into <see cref="ErrorCode"/>.
/// Not thread-safe on its own: <see cref="EmbeddedKafkaCluster"/> serialises calls and disposal.
/// </summary>
internal sealed unsafe class NativeMockCluster
{
    private const int ErrorBufferSize = 512;

    private IntPtr kafkaHandle;
    private IntPtr cluster;

    private NativeMockCluster(IntPtr kafkaHandle, IntPtr cluster, string bootstrapServers)
    {
        this.kafkaHandle = kafkaHandle;
        this.cluster = cluster;
        BootstrapServers = bootstrapServers;
    }

    /// <summary>The comma-separated <c>host:port</c> list of the mock brokers.</summary>
    public string BootstrapServers { get; }

    /// <summary>Creates the hosting handle and a cluster of <paramref name="brokers"/> brokers.</summary>
    public static NativeMockCluster Create(int brokers)
    {
        LibrdkafkaLibraryResolver.EnsureRegistered();

        var conf = LibrdkafkaNative.rd_kafka_conf_new();
        // The hosting handle never connects anywhere; keep its own log quiet but let errors through.
        SetConf(conf, "log_level", "3");

        var error = stackalloc byte[ErrorBufferSize];
        var rk = LibrdkafkaNative.rd_kafka_new(LibrdkafkaNative.ProducerType, conf, error, ErrorBufferSize);
        if (rk == IntPtr.Zero)
        {
            LibrdkafkaNative.rd_kafka_conf_destroy(conf); // ownership passes to rd_kafka_new only on success
            throw new InvalidOperationException($"librdkafka could not create the handle that hosts the mock cluster: {ReadError(error)}");
        }

        var mcluster = LibrdkafkaNative.rd_kafka_mock_cluster_new(rk, brokers);
        if (mcluster == IntPtr.Zero)
        {
            LibrdkafkaNative.rd_kafka_destroy(rk);
            throw new InvalidOperationException(
                $"librdkafka could not create a mock cluster of {brokers} broker(s); it binds one ephemeral 127.0.0.1 port per broker, so check that loopback sockets can be opened.");
        }

        var bootstraps = Marshal.PtrToStringUTF8(LibrdkafkaNative.rd_kafka_mock_cluster_bootstraps(mcluster)) ?? "";
        LibrdkafkaNative.rd_kafka_mock_group_initial_rebalance_delay_ms(mcluster, 0);
        return new NativeMockCluster(rk, mcluster, bootstraps);
    }

    /// <summary>The port each broker really listens on, broker 1 first.</summary>
    public IReadOnlyList<int> ListenerPorts =>
        BootstrapServers.Split(',').Select(address => int.Parse(address[(address.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>Makes broker <paramref name="brokerId"/> advertise 127.0.0.1:<paramref name="port"/> to clients.</summary>
    public void AdvertiseLoopbackPort(int brokerId, int port) =>
        LibrdkafkaNative.rd_kafka_mock_broker_set_host_port(Cluster, brokerId, "127.0.0.1", port);

    /// <summary>Creates a topic; returns the broker's error code (<see cref="ErrorCode.TopicAlreadyExists"/> if present).</summary>
    public ErrorCode CreateTopic(string name, int partitions, int replicationFactor) =>
        (ErrorCode)LibrdkafkaNative.rd_kafka_mock_topic_create(Cluster, name, partitions, replicationFactor);

    /// <summary>Disconnects the broker and refuses new connections (no leader change).</summary>
    public ErrorCode SetBrokerDown(int brokerId) => (ErrorCode)LibrdkafkaNative.rd_kafka_mock_broker_set_down(Cluster, brokerId);

    /// <summary>Lets the broker accept connections again.</summary>
    public ErrorCode SetBrokerUp(int brokerId) => (ErrorCode)LibrdkafkaNative.rd_kafka_mock_broker_set_up(Cluster, brokerId);

    /// <summary>Makes the next <c>errors.Length</c> requests of <paramref name="apiKey"/> fail, in order.</summary>
    public void PushRequestErrors(short apiKey, ReadOnlySpan<ErrorCode> errors)
    {
        var codes = new int[errors.Length];
        for (var i = 0; i < errors.Length; i++)
        {
            codes[i] = (int)errors[i];
        }

        fixed (int* first = codes)
        {
            LibrdkafkaNative.rd_kafka_mock_push_request_errors_array(Cluster, apiKey, (nuint)codes.Length, first);
        }
    }

    /// <summary>Drops every pushed error for <paramref name="apiKey"/>.</summary>
    public void ClearRequestErrors(short apiKey) => LibrdkafkaNative.rd_kafka_mock_clear_request_errors(Cluster, apiKey);

    /// <summary>Moves the partition's leadership to <paramref name="brokerId"/>; clients learn it from their next request's error.</summary>
    public ErrorCode SetPartitionLeader(string topic, int partition, int brokerId) =>
        (ErrorCode)LibrdkafkaNative.rd_kafka_mock_partition_set_leader(Cluster, topic, partition, brokerId);

    /// <summary>Stops the brokers (connected clients see disconnects), then frees the hosting handle. Idempotent.</summary>
    public void Destroy()
    {
        if (cluster != IntPtr.Zero)
        {
            LibrdkafkaNative.rd_kafka_mock_cluster_destroy(cluster);
            cluster = IntPtr.Zero;
        }

        if (kafkaHandle != IntPtr.Zero)
        {
            LibrdkafkaNative.rd_kafka_destroy(kafkaHandle);
            kafkaHandle = IntPtr.Zero;
        }
    }

    private IntPtr Cluster =>
        cluster != IntPtr.Zero ? cluster : throw new ObjectDisposedException(nameof(EmbeddedKafkaCluster), "The embedded Kafka cluster has been disposed.");

    private static void SetConf(IntPtr conf, string name, string value)
    {
        var error = stackalloc byte[ErrorBufferSize];
        if (LibrdkafkaNative.rd_kafka_conf_set(conf, name, value, error, ErrorBufferSize) != LibrdkafkaNative.ConfOk)
        {
            LibrdkafkaNative.rd_kafka_conf_destroy(conf);
            throw new InvalidOperationException($"librdkafka rejected '{name}={value}' for the mock cluster's host handle: {ReadError(error)}");
        }
    }

    private static string ReadError(byte* error) => Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(error));
}
