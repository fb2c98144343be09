using Confluent.Kafka;

namespace StreamFinance.Kafka.Hosting.Clients;

/// <summary>
/// A restore or global consumer whose <see cref="QueryWatermarkOffsets"/> answers the readable end of the partition
/// (<see cref="ReadableEndProbe"/>) as its high watermark, so that Streamiz's restores end on partitions written
/// transactionally; the thread that polls it (Streamiz's global thread, or a stream thread restoring) becomes a background
/// thread (<see cref="BackgroundStreamThread"/>). Everything else passes through unchanged.
/// </summary>
/// <param name="inner">The consumer Streamiz would have used.</param>
/// <param name="config">Its configuration, for the probe.</param>
/// <param name="transientError">Told each transient fetch error skipped (see <see cref="DelegatingConsumer"/>).</param>
public sealed class ReadableEndConsumer(IConsumer<byte[], byte[]> inner, ConsumerConfig config, Action<Error>? transientError = null)
    : DelegatingConsumer(inner, transientError)
{
    /// <summary>Shortest time given to the probe, whatever Streamiz's own watermark timeout: it opens a connection first.</summary>
    public static readonly TimeSpan MinimumProbeTimeout = TimeSpan.FromSeconds(10);

    private readonly Lazy<ReadableEndProbe> probe = new(() => new ReadableEndProbe(config));

    /// <inheritdoc />
    public override WatermarkOffsets QueryWatermarkOffsets(TopicPartition topicPartition, TimeSpan timeout)
    {
        var marks = Inner.QueryWatermarkOffsets(topicPartition, timeout);
        var end = probe.Value.ReadableEnd(topicPartition, marks, timeout > MinimumProbeTimeout ? timeout : MinimumProbeTimeout);
        return new WatermarkOffsets(marks.Low, end);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && probe.IsValueCreated)
            probe.Value.Dispose();
        base.Dispose(disposing);
    }
}
