using System.Diagnostics;
using Confluent.Kafka;

namespace StreamFinance.Kafka.Reading;

/// <summary>
/// Reads partitions from a start to the end they have when reading begins, without a consumer group: what commands
/// (dead-letter replay, master-data inspection), connectors (their saved positions) and tests use to see what a topic
/// holds. Records written after the start of the read are not returned.
/// </summary>
/// <remarks>
/// The end of a partition is its high watermark when asked. A partition written in transactions ends with a commit
/// marker that takes an offset but is never delivered, so the last record is not at the high watermark less one; such a
/// partition ends when the consumer reports the end of the partition, which is why the consumer must be built from
/// <see cref="Settings"/> (partition EOF on).
/// </remarks>
public static class TopicToEnd
{
    /// <summary>
    /// A copy of <paramref name="config"/> fit for <see cref="Read{TKey, TValue}"/>: partition EOF reported, no commits,
    /// and a group id of its own (the client requires one; nothing is committed under it).
    /// </summary>
    public static ConsumerConfig Settings(ConsumerConfig config, string purpose)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new ConsumerConfig(config.ToDictionary(e => e.Key, e => e.Value))
        {
            GroupId = $"{purpose}-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
            EnablePartitionEof = true,
        };
    }

    /// <summary>Every partition of <paramref name="topic"/> from its beginning.</summary>
    public static IReadOnlyList<TopicPartitionOffset> FromBeginning(string topic, int partitions) =>
        Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)).ToList();

    /// <summary>
    /// The records of each partition of <paramref name="starts"/> from its start offset (or its beginning) up to the
    /// end the partition had when reading began, in the order the consumer delivers them. A start of
    /// <see cref="Offset.End"/> reads nothing from that partition.
    /// </summary>
    /// <exception cref="TimeoutException">
    /// Not every partition was read to its end within <paramref name="timeout"/> (<see cref="Timeout.InfiniteTimeSpan"/>:
    /// no limit but <paramref name="ct"/>).
    /// </exception>
    /// <exception cref="KafkaException">
    /// The broker did not answer for a partition's watermarks, or a fetch failed for a reason that is not transient
    /// (a transient one, such as <c>REQUEST_TIMED_OUT</c> or a leader change, is fetched again until the timeout).
    /// </exception>
    public static IEnumerable<ConsumeResult<TKey, TValue>> Read<TKey, TValue>(
        IConsumer<TKey, TValue> consumer, IReadOnlyList<TopicPartitionOffset> starts, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(starts);
        var clock = Stopwatch.StartNew();
        var ends = new Dictionary<TopicPartition, long>();
        var assigned = new List<TopicPartitionOffset>();
        foreach (var start in starts)
        {
            if (start.Offset == Offset.End)
                continue;
            var marks = consumer.QueryWatermarkOffsets(start.TopicPartition, TimeSpan.FromSeconds(10));
            var from = start.Offset == Offset.Beginning || start.Offset.IsSpecial ? marks.Low.Value : start.Offset.Value;
            if (marks.High.Value <= Math.Max(from, marks.Low.Value))
                continue;
            ends[start.TopicPartition] = marks.High.Value;
            assigned.Add(start);
        }
        if (ends.Count == 0)
            yield break;

        consumer.Assign(assigned);
        try
        {
            while (ends.Count > 0)
            {
                ct.ThrowIfCancellationRequested();
                if (timeout != Timeout.InfiniteTimeSpan && clock.Elapsed > timeout)
                    throw new TimeoutException(
                        $"Reading {string.Join(", ", ends.Keys.Select(p => p.Topic).Distinct())} to its end took over {timeout.TotalSeconds:0.#} s " +
                        $"(partitions left: {string.Join(", ", ends.Select(e => $"{e.Key.Partition.Value} up to offset {e.Value}"))}); check the broker.");
                if (ConsumeUnlessTransient(consumer) is not { } result || !ends.TryGetValue(result.TopicPartition, out var end))
                    continue;
                var offset = result.Offset.Value;
                if (result.IsPartitionEOF ? offset >= end : offset + 1 >= end)
                    ends.Remove(result.TopicPartition);
                if (!result.IsPartitionEOF && offset < end)
                    yield return result;
            }
        }
        finally
        {
            consumer.Unassign();
        }
    }

    // A fetch that failed for a transient reason (a leader moving, a timeout, a dropped connection) is fetched again by
    // the consumer itself; only the read's timeout ends the wait.
    private static ConsumeResult<TKey, TValue>? ConsumeUnlessTransient<TKey, TValue>(IConsumer<TKey, TValue> consumer)
    {
        try
        {
            return consumer.Consume(TimeSpan.FromMilliseconds(200));
        }
        catch (ConsumeException e) when (Hosting.TransientKafkaErrors.IsTransient(e.Error))
        {
            return null;
        }
    }
}
