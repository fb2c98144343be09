namespace StreamFinance.Kafka.Observability.Kafka;

/// <summary>
/// What one librdkafka client reported in one statistics callback, reduced to what StreamFinance watches.
/// Every list is complete for the client: a partition or broker missing from it is no longer reported.
/// </summary>
/// <param name="Client">The client's <c>client.id</c>, the <c>client</c> label.</param>
/// <param name="Lags">Consumer lag per assigned partition; empty for producers.</param>
/// <param name="QueueMessages">Messages waiting in the producer's queues; null for consumers.</param>
/// <param name="QueueBytes">Bytes waiting in the producer's queues; null for consumers.</param>
/// <param name="Brokers">Cumulative request errors and timeouts per broker.</param>
public sealed record KafkaClientSnapshot(
    string Client,
    IReadOnlyList<PartitionLag> Lags,
    long? QueueMessages,
    long? QueueBytes,
    IReadOnlyList<BrokerRequestCounts> Brokers);

/// <summary>Messages between a consumer's position (or committed offset) and the partition's high watermark.</summary>
public sealed record PartitionLag(string Topic, int Partition, long Lag);

/// <summary>
/// Cumulative counts for one broker since the client was created: transmit and receive errors, requests that timed out,
/// and requests sent again. Null where the source does not report it.
/// </summary>
/// <param name="Broker">The broker's node id, or <c>group-coordinator</c> / <c>txn-coordinator</c> for the connection
/// librdkafka keeps to the client's group or transaction coordinator (offset commits, joins, transactions).</param>
/// <param name="Errors">Transmit and receive errors (<c>txerrs</c> + <c>rxerrs</c>).</param>
/// <param name="Timeouts">Requests that timed out (<c>req_timeouts</c>).</param>
/// <param name="Retries">Requests sent again after a retriable error or a lost connection (<c>txretries</c>).</param>
public sealed record BrokerRequestCounts(string Broker, long? Errors, long? Timeouts, long? Retries = null);
