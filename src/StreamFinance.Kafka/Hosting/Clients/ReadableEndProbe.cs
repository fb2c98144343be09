using System.Diagnostics;
using Confluent.Kafka;

namespace StreamFinance.Kafka.Hosting.Clients;

/// <summary>
/// Finds where the records a consumer can read end in a partition: one past the last record it is delivered, which is
/// below the high watermark when the partition ends with transaction markers.
/// </summary>
/// <remarks>
/// <para>Every transaction a producer commits ends with a control record (the commit marker). It takes an offset, so the
/// high watermark of a partition written transactionally is one past the marker, but no consumer is ever delivered
/// the marker and <c>Position()</c> stays at the last delivered record plus one. Streamiz 1.8 restores a store until
/// it has read the record just below the high watermark (<c>GlobalStateManager.RestoreState</c>, and
/// <c>StoreChangelogReader</c> through the position), so on such a partition a restore never ends and the topology
/// never leaves REBALANCING. Kafka Streams fixed the same (KAFKA-6190, KAFKA-12951).</para>
/// <para>The probe reads the tail of the partition with a consumer of its own, configured like the one it serves (same
/// isolation level, so under read_committed aborted records count as unreadable too), until librdkafka reports the
/// end of the partition. It starts 16 offsets below the high watermark and looks 16 times further back each time it
/// finds nothing readable (a long aborted transaction), down to the low watermark.</para>
/// </remarks>
public sealed class ReadableEndProbe : IDisposable
{
    private const long FirstWindow = 16;
    private readonly IConsumer<byte[], byte[]> probe;
    private readonly object gate = new();

    /// <summary>A probe with the settings of <paramref name="served"/>: connection, security and isolation level.</summary>
    public ReadableEndProbe(ConsumerConfig served)
    {
        ArgumentNullException.ThrowIfNull(served);
        // The probe only reads assigned partitions: it never joins the group, so it must not claim the static member id.
        var config = new ConsumerConfig(served.Where(e => e.Key != "group.instance.id").ToDictionary(e => e.Key, e => e.Value))
        {
            EnableAutoCommit = false,
            EnablePartitionEof = true,
            // The end of a partition is known when a fetch returns nothing more: do not let the broker hold it back.
            FetchWaitMaxMs = 5,
            ClientId = $"{served.ClientId}-readable-end",
            StatisticsIntervalMs = 0,
        };
        probe = new ConsumerBuilder<byte[], byte[]>(config).SetLogHandler((_, _) => { }).SetErrorHandler((_, _) => { }).Build();
    }

    /// <summary>
    /// One past the offset of the last record a consumer is delivered below <paramref name="marks"/>' high watermark,
    /// or the low watermark when there is none.
    /// </summary>
    /// <exception cref="KafkaException">The end of the partition was not reached within <paramref name="timeout"/>.</exception>
    public Offset ReadableEnd(TopicPartition partition, WatermarkOffsets marks, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(marks);
        long low = Math.Max(0, marks.Low.Value), high = marks.High.Value;
        if (high <= low)
            return marks.High;
        var clock = Stopwatch.StartNew();
        lock (gate)
        {
            for (var window = FirstWindow; ; window *= 16)
            {
                var start = Math.Max(low, high - window);
                if (LastReadable(partition, start, high, timeout, clock) is { } last)
                    return new Offset(last + 1);
                if (start == low)
                    return new Offset(low);
            }
        }
    }

    /// <summary>Asks the partition's leader for its low and high watermarks.</summary>
    /// <exception cref="KafkaException">No answer within <paramref name="timeout"/>.</exception>
    public WatermarkOffsets QueryWatermarks(TopicPartition partition, TimeSpan timeout)
    {
        lock (gate)
            return probe.QueryWatermarkOffsets(partition, timeout);
    }

    private long? LastReadable(TopicPartition partition, long start, long high, TimeSpan timeout, Stopwatch clock)
    {
        probe.Assign(new TopicPartitionOffset(partition, new Offset(start)));
        try
        {
            long? last = null;
            while (true)
            {
                var remaining = timeout - clock.Elapsed;
                if (remaining <= TimeSpan.Zero)
                    throw new KafkaException(new Error(ErrorCode.Local_TimedOut,
                        $"The end of {partition} (high watermark {high}) was not reached within {timeout.TotalSeconds:0.#} s while looking for its last readable record."));
                var result = probe.Consume(remaining);
                if (result is null)
                    continue;
                if (result.IsPartitionEOF || result.Offset.Value >= high)
                    return last;
                last = result.Offset.Value;
            }
        }
        finally
        {
            probe.Unassign();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        probe.Close();
        probe.Dispose();
    }
}
