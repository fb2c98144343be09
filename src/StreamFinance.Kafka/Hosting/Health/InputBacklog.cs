using System.Diagnostics;
using Confluent.Kafka;
using StreamFinance.Kafka.Hosting.Clients;

namespace StreamFinance.Kafka.Hosting.Health;

/// <summary>
/// The records waiting for one running stream on the partitions its stream threads are assigned: the partition's high
/// watermark minus the consumer's position, per source topic.
/// </summary>
/// <remarks>
/// <para><see cref="Read"/> asks the stream threads' consumers (<see cref="TrackedConsumer"/>) only what librdkafka
/// already knows locally: cheap, but the high watermarks are those of the consumer's last fetch, so a consumer whose
/// thread is blocked (and has stopped fetching, for example in the middle of a rebalance) shows no backlog at all.
/// <see cref="Confirm"/> asks the brokers instead, for a stream that consumed nothing lately. It also settles where the
/// local reading overstates: a partition that ends with transaction markers (written under exactly-once) looks one
/// record behind for ever, since no consumer is delivered a marker; and a partition nothing was consumed from since the
/// assignment has no position, so its committed offset stands in.</para>
/// <para>Not thread-safe: one supervisor reads it.</para>
/// </remarks>
public sealed class InputBacklog : IDisposable
{
    private readonly object gate = new();
    private readonly List<TrackedConsumer> consumers = [];
    private readonly Dictionary<TopicPartition, long> committed = [];
    private readonly Dictionary<TopicPartition, (long High, long End)> readableEnds = [];
    private ReadableEndProbe? probe;

    /// <summary>Reads the stream threads' consumers locally: no request is sent.</summary>
    public BacklogReading Read()
    {
        var positions = 0L;
        var waiting = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var partition in Partitions())
        {
            positions += Math.Max(0, partition.Position);
            if (Waiting(partition, partition.High) is { } behind)
                waiting[partition.Partition.Topic] = waiting.GetValueOrDefault(partition.Partition.Topic) + behind;
        }
        return new BacklogReading(positions, waiting);
    }

    /// <summary>
    /// The backlog checked with the brokers, for a stream that consumed nothing lately: each assigned partition's high
    /// watermark asked of its leader (a blocked stream thread's consumer may have stopped fetching, so its own is stale),
    /// the committed offset of a partition without a position, and the last readable record of a partition that looks
    /// behind (transaction markers). All of it within <paramref name="budget"/>: once the budget is spent, or a broker
    /// did not answer, the remaining partitions keep what the consumer knows.
    /// </summary>
    public IReadOnlyDictionary<string, long> Confirm(TimeSpan budget)
    {
        var requests = new RequestBudget(budget);
        var waiting = new Dictionary<string, long>(StringComparer.Ordinal);
        var partitions = Partitions();
        // A partition assigned again later may have moved on meanwhile: ask for its committed offset again then.
        foreach (var gone in committed.Keys.Except(partitions.Select(p => p.Partition)).ToList())
            committed.Remove(gone);
        foreach (var assigned in partitions)
        {
            var partition = WithFreshWatermarks(assigned, requests);
            if (partition.Position < 0 && !committed.ContainsKey(partition.Partition))
                FetchCommitted(partition, requests);
            if (Waiting(partition, partition.High) is not > 0)
                continue;
            var end = ReadableEnd(partition, requests);
            if (Waiting(partition, end) is { } behind and > 0)
                waiting[partition.Partition.Topic] = waiting.GetValueOrDefault(partition.Partition.Topic) + behind;
        }
        return waiting;
    }

    /// <summary>
    /// Asks the leader of <paramref name="partition"/> for its watermarks: true when it answered, false when it did not
    /// within <paramref name="timeout"/>, null when no stream thread has a consumer to take the settings from yet.
    /// </summary>
    public bool? BrokerAnswers(TopicPartition partition, TimeSpan timeout)
    {
        if (Probe() is not { } p)
            return null;
        try
        {
            p.QueryWatermarks(partition, timeout);
            return true;
        }
        catch (KafkaException)
        {
            return false;
        }
    }

    /// <summary>Closes the probe's own consumer.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            probe?.Dispose();
            probe = null;
        }
    }

    internal void Track(TrackedConsumer consumer)
    {
        lock (gate)
            consumers.Add(consumer);
    }

    internal void Untrack(TrackedConsumer consumer)
    {
        lock (gate)
            consumers.Remove(consumer);
    }

    private long? Waiting(AssignedPartition partition, long end)
    {
        var start = partition.Position >= 0 ? partition.Position : committed.GetValueOrDefault(partition.Partition, -1);
        if (start < 0 || end < 0)
            return null;
        return Math.Max(0, end - start);
    }

    private List<AssignedPartition> Partitions()
    {
        List<TrackedConsumer> tracked;
        lock (gate)
            tracked = [.. consumers];
        var partitions = new List<AssignedPartition>();
        foreach (var consumer in tracked)
        {
            if (consumer.TryQuery(c => c.Assignment.Select(tp => Assigned(consumer, c, tp)).ToList(), out var assigned))
                partitions.AddRange(assigned);
        }
        return partitions;
    }

    private static AssignedPartition Assigned(TrackedConsumer tracked, IConsumer<byte[], byte[]> consumer, TopicPartition partition)
    {
        var marks = consumer.GetWatermarkOffsets(partition);
        return new AssignedPartition(tracked, partition, consumer.Position(partition).Value, marks.Low.Value, marks.High.Value);
    }

    private AssignedPartition WithFreshWatermarks(AssignedPartition partition, RequestBudget requests)
    {
        if (requests.Next is not { } timeout || Probe() is not { } p)
            return partition;
        try
        {
            var marks = p.QueryWatermarks(partition.Partition, timeout);
            return partition with { Low = marks.Low.Value, High = marks.High.Value };
        }
        catch (KafkaException)
        {
            requests.Failed();
            return partition;
        }
    }

    private void FetchCommitted(AssignedPartition partition, RequestBudget requests)
    {
        if (requests.Next is not { } timeout)
            return;
        if (!partition.Consumer.TryQuery(c => c.Committed([partition.Partition], timeout), out var offsets) || offsets.SingleOrDefault() is not { } offset)
        {
            requests.Failed();
            return;
        }
        if (offset.Offset.Value >= 0)
            committed[partition.Partition] = offset.Offset.Value;
        else if (partition.Low >= 0)
            // Nothing committed: the stream starts from the beginning (auto.offset.reset earliest).
            committed[partition.Partition] = partition.Low;
    }

    private long ReadableEnd(AssignedPartition partition, RequestBudget requests)
    {
        if (readableEnds.TryGetValue(partition.Partition, out var known) && known.High == partition.High)
            return known.End;
        if (requests.Next is not { } timeout || Probe() is not { } p)
            return partition.High;
        try
        {
            var end = p.ReadableEnd(partition.Partition, new WatermarkOffsets(new Offset(Math.Max(0, partition.Low)), new Offset(partition.High)), timeout).Value;
            readableEnds[partition.Partition] = (partition.High, end);
            return end;
        }
        catch (KafkaException)
        {
            requests.Failed();
            return partition.High;
        }
    }

    private ReadableEndProbe? Probe()
    {
        lock (gate)
        {
            if (probe is null && consumers.FirstOrDefault() is { } first)
                probe = new ReadableEndProbe(first.Config);
            return probe;
        }
    }

    // One look with the brokers takes at most its budget, and stops asking at the first request they do not answer.
    private sealed class RequestBudget(TimeSpan total)
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private bool failed;

        public TimeSpan? Next => !failed && clock.Elapsed < total ? total - clock.Elapsed : null;

        public void Failed() => failed = true;
    }

    private sealed record AssignedPartition(TrackedConsumer Consumer, TopicPartition Partition, long Position, long Low, long High);
}
