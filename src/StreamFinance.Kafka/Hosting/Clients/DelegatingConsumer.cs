using Confluent.Kafka;

namespace StreamFinance.Kafka.Hosting.Clients;

/// <summary>
/// An <see cref="IConsumer{TKey,TValue}"/> that passes every call to another one, so that a subclass can change the
/// few calls it cares about. Disposing it disposes the inner consumer. Streamiz polls these consumers on its own
/// threads, so every poll marks the polling thread a background thread (<see cref="BackgroundStreamThread"/>).
/// </summary>
/// <remarks>
/// A poll that reports a transient fetch error (<see cref="TransientKafkaErrors"/>: a leader moving, a request timed out,
/// a connection dropped) returns no record instead of throwing: librdkafka fetches that partition again by itself, while
/// Streamiz ends the thread that polled on any exception, and its global thread takes the whole process down with it
/// (seen with one <c>REQUEST_TIMED_OUT</c> answer to a global table's fetch). The error goes to
/// <paramref name="transientError"/>. A fetch error that keeps coming shows as a stall.
/// </remarks>
/// <param name="inner">The consumer that does the work.</param>
/// <param name="transientError">Told each transient fetch error skipped; null: nobody.</param>
public abstract class DelegatingConsumer(IConsumer<byte[], byte[]> inner, Action<Error>? transientError = null) : IConsumer<byte[], byte[]>
{
    /// <summary>The consumer that does the work.</summary>
    protected IConsumer<byte[], byte[]> Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public Handle Handle => Inner.Handle;

    /// <inheritdoc />
    public string Name => Inner.Name;

    /// <inheritdoc />
    public string MemberId => Inner.MemberId;

    /// <inheritdoc />
    public List<TopicPartition> Assignment => Inner.Assignment;

    /// <inheritdoc />
    public List<string> Subscription => Inner.Subscription;

    /// <inheritdoc />
    public IConsumerGroupMetadata ConsumerGroupMetadata => Inner.ConsumerGroupMetadata;

    /// <inheritdoc />
    public int AddBrokers(string brokers) => Inner.AddBrokers(brokers);

    /// <inheritdoc />
    public void SetSaslCredentials(string username, string password) => Inner.SetSaslCredentials(username, password);

    /// <inheritdoc />
    public ConsumeResult<byte[], byte[]> Consume(int millisecondsTimeout)
    {
        BackgroundStreamThread.MarkCurrent();
        return UnlessTransient(() => Inner.Consume(millisecondsTimeout))!;
    }

    /// <inheritdoc />
    public ConsumeResult<byte[], byte[]> Consume(CancellationToken cancellationToken = default)
    {
        BackgroundStreamThread.MarkCurrent();
        // This overload waits for a record: after a transient error, it waits on.
        while (true)
        {
            if (UnlessTransient(() => Inner.Consume(cancellationToken)) is { } result)
                return result;
        }
    }

    /// <inheritdoc />
    public ConsumeResult<byte[], byte[]> Consume(TimeSpan timeout)
    {
        BackgroundStreamThread.MarkCurrent();
        return UnlessTransient(() => Inner.Consume(timeout))!;
    }

    private ConsumeResult<byte[], byte[]>? UnlessTransient(Func<ConsumeResult<byte[], byte[]>> consume)
    {
        try
        {
            return consume();
        }
        catch (ConsumeException e) when (TransientKafkaErrors.IsTransient(e.Error))
        {
            transientError?.Invoke(e.Error);
            return null;
        }
    }

    /// <inheritdoc />
    public void Subscribe(IEnumerable<string> topics) => Inner.Subscribe(topics);

    /// <inheritdoc />
    public void Subscribe(string topic) => Inner.Subscribe(topic);

    /// <inheritdoc />
    public void Unsubscribe() => Inner.Unsubscribe();

    /// <inheritdoc />
    public void Assign(TopicPartition partition) => Inner.Assign(partition);

    /// <inheritdoc />
    public void Assign(TopicPartitionOffset partition) => Inner.Assign(partition);

    /// <inheritdoc />
    public void Assign(IEnumerable<TopicPartitionOffset> partitions) => Inner.Assign(partitions);

    /// <inheritdoc />
    public void Assign(IEnumerable<TopicPartition> partitions) => Inner.Assign(partitions);

    /// <inheritdoc />
    public void IncrementalAssign(IEnumerable<TopicPartitionOffset> partitions) => Inner.IncrementalAssign(partitions);

    /// <inheritdoc />
    public void IncrementalAssign(IEnumerable<TopicPartition> partitions) => Inner.IncrementalAssign(partitions);

    /// <inheritdoc />
    public void IncrementalUnassign(IEnumerable<TopicPartition> partitions) => Inner.IncrementalUnassign(partitions);

    /// <inheritdoc />
    public void Unassign() => Inner.Unassign();

    /// <inheritdoc />
    public void StoreOffset(ConsumeResult<byte[], byte[]> result) => Inner.StoreOffset(result);

    /// <inheritdoc />
    public void StoreOffset(TopicPartitionOffset offset) => Inner.StoreOffset(offset);

    /// <inheritdoc />
    public List<TopicPartitionOffset> Commit() => Inner.Commit();

    /// <inheritdoc />
    public void Commit(IEnumerable<TopicPartitionOffset> offsets) => Inner.Commit(offsets);

    /// <inheritdoc />
    public void Commit(ConsumeResult<byte[], byte[]> result) => Inner.Commit(result);

    /// <inheritdoc />
    public void Seek(TopicPartitionOffset tpo) => Inner.Seek(tpo);

    /// <inheritdoc />
    public void Pause(IEnumerable<TopicPartition> partitions) => Inner.Pause(partitions);

    /// <inheritdoc />
    public void Resume(IEnumerable<TopicPartition> partitions) => Inner.Resume(partitions);

    /// <inheritdoc />
    public List<TopicPartitionOffset> Committed(TimeSpan timeout) => Inner.Committed(timeout);

    /// <inheritdoc />
    public List<TopicPartitionOffset> Committed(IEnumerable<TopicPartition> partitions, TimeSpan timeout) => Inner.Committed(partitions, timeout);

    /// <inheritdoc />
    public Offset Position(TopicPartition partition) => Inner.Position(partition);

    /// <inheritdoc />
    public List<TopicPartitionOffset> OffsetsForTimes(IEnumerable<TopicPartitionTimestamp> timestampsToSearch, TimeSpan timeout) =>
        Inner.OffsetsForTimes(timestampsToSearch, timeout);

    /// <inheritdoc />
    public virtual WatermarkOffsets GetWatermarkOffsets(TopicPartition topicPartition) => Inner.GetWatermarkOffsets(topicPartition);

    /// <inheritdoc />
    public virtual WatermarkOffsets QueryWatermarkOffsets(TopicPartition topicPartition, TimeSpan timeout) => Inner.QueryWatermarkOffsets(topicPartition, timeout);

    /// <inheritdoc />
    public virtual void Close() => Inner.Close();

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the inner consumer.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
            Inner.Dispose();
    }
}
