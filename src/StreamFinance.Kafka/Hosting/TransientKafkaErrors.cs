using Confluent.Kafka;

namespace StreamFinance.Kafka.Hosting;

/// <summary>
/// The one place that decides whether a Kafka error is transient: Kafka could not take or answer something now (a broker
/// down or moving, a timeout, a queue purged by an aborted transaction) and the same request later will succeed. A
/// record refused with such an error is not poison and is never dead-lettered: the stream thread fails instead, the
/// topology's supervisor replaces the stream, and the record is produced again from the last commit.
/// </summary>
public static class TransientKafkaErrors
{
    private static readonly HashSet<ErrorCode> Transient =
    [
        ErrorCode.Local_MsgTimedOut,
        ErrorCode.Local_TimedOut,
        ErrorCode.Local_TimedOutQueue,
        ErrorCode.Local_Transport,
        ErrorCode.Local_AllBrokersDown,
        ErrorCode.Local_PurgeQueue,
        ErrorCode.Local_PurgeInflight,
        ErrorCode.Local_Outdated,
        ErrorCode.RequestTimedOut,
        ErrorCode.NetworkException,
        ErrorCode.BrokerNotAvailable,
        ErrorCode.LeaderNotAvailable,
        ErrorCode.NotLeaderForPartition,
        ErrorCode.NotEnoughReplicas,
        ErrorCode.NotEnoughReplicasAfterAppend,
        ErrorCode.KafkaStorageError,
        ErrorCode.GroupCoordinatorNotAvailable,
        ErrorCode.NotCoordinatorForGroup,
        ErrorCode.ConcurrentTransactions,
    ];

    /// <summary>True when <paramref name="error"/> is transient (never when librdkafka marked it fatal).</summary>
    public static bool IsTransient(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.IsError && !error.IsFatal && Transient.Contains(error.Code);
    }
}
