using System.Runtime.InteropServices;

namespace StreamFinance.Embedded.Broker.Internals;

/// <summary>
/// P/Invoke declarations for the parts of librdkafka's C API that host a mock cluster
/// (<c>rdkafka.h</c> and <c>rdkafka_mock.h</c>, librdkafka 2.16). All functions are cdecl.
/// The library name is resolved by <see cref="LibrdkafkaLibraryResolver"/> to the very file
/// Confluent.Kafka loaded, so one copy of librdkafka lives in the process.
/// </summary>
internal static unsafe partial class LibrdkafkaNative
{
    /// <summary>The logical library name the resolver maps to Confluent.Kafka's librdkafka.</summary>
    public const string LibraryName = "streamfinance-librdkafka";

    /// <summary><c>RD_KAFKA_PRODUCER</c>: the handle type that hosts the mock cluster.</summary>
    public const int ProducerType = 0;

    /// <summary><c>RD_KAFKA_CONF_OK</c>.</summary>
    public const int ConfOk = 0;

    [LibraryImport(LibraryName)]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    public static partial IntPtr rd_kafka_conf_new();

    [LibraryImport(LibraryName)]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    public static partial void rd_kafka_conf_destroy(IntPtr conf);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    public static partial int rd_kafka_conf_set(IntPtr conf, string name, string value, byte* errstr, nuint errstrSize);

    [LibraryImport(LibraryName)]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    public static partial IntPtr rd_kafka_new(int type, IntPtr conf, byte* errstr, nuint errstrSize);

    [LibraryImport(LibraryName)]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    public static partial void rd_kafka_destroy(IntPtr rk);

    [LibraryImport(LibraryName)]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    public static partial IntPtr rd_kafka_mock_cluster_new(IntPtr rk, int brokerCount);

    [LibraryImport(LibraryName)]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    public static partial void rd_kafka_mock_cluster_destroy(IntPtr mcluster);

    /// <summary>Returns a UTF-8 string owned by the cluster; never free it.</summary>
    [LibraryImport(LibraryName)]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    public static partial IntPtr rd_kafka_mock_cluster_bootstraps(IntPtr mcluster);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    public static partial int rd_kafka_mock_topic_create(IntPtr mcluster, string topic, int partitionCount, int replicationFactor);

    [LibraryImport(LibraryName)]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    public static partial void rd_kafka_mock_group_initial_rebalance_delay_ms(IntPtr mcluster, int delayMs);

    /// <summary>Changes only the address the broker advertises in Metadata and FindCoordinator; it keeps listening where it was.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    public static partial void rd_kafka_mock_broker_set_host_port(IntPtr mcluster, int brokerId, string host, int port);

    [LibraryImport(LibraryName)]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    public static partial int rd_kafka_mock_broker_set_down(IntPtr mcluster, int brokerId);

    [LibraryImport(LibraryName)]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    public static partial int rd_kafka_mock_broker_set_up(IntPtr mcluster, int brokerId);

    [LibraryImport(LibraryName)]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    public static partial void rd_kafka_mock_push_request_errors_array(IntPtr mcluster, short apiKey, nuint count, int* errors);

    [LibraryImport(LibraryName)]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    public static partial void rd_kafka_mock_clear_request_errors(IntPtr mcluster, short apiKey);

    /// <summary>Makes <paramref name="brokerId"/> the partition's leader (-1: leaderless); creates the topic if it does not exist.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    public static partial int rd_kafka_mock_partition_set_leader(IntPtr mcluster, string topic, int partition, int brokerId);
}
