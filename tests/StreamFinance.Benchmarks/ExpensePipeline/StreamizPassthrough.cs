using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.SerDes;
using StreamFinance.Kafka.Hosting;

namespace StreamFinance.Benchmarks.ExpensePipeline;

/// <summary>
/// The second yardstick: the same bytes through a Streamiz topology that does nothing (source -> sink, byte arrays, the StreamConfig class the topologies use,
/// the stack's stream threads, AT_LEAST_ONCE, the commit interval the pipeline uses), to separate what Streamiz itself costs
/// from what the expense topology adds.
/// </summary>
internal static class StreamizPassthrough
{
    public static async Task<Throughput> RunAsync(ExpenseBenchmarkStack stack, string inputTopic, string outputTopic, int count, int warmup, CancellationToken ct)
    {
        var config = new AdminConfigReusingStreamConfig<ByteArraySerDes, ByteArraySerDes>
        {
            ApplicationId = $"benchmark-streamiz-passthrough-{Guid.NewGuid():N}"[..40],
            BootstrapServers = stack.BootstrapServers,
            Guarantee = ProcessingGuarantee.AT_LEAST_ONCE,
            StateDir = Path.Combine(Path.GetTempPath(), $"streamfinance-streamiz-passthrough-{Guid.NewGuid():N}"),
            CommitIntervalMs = 1000,
            NumStreamThreads = stack.StreamThreads,
            // The embedded broker makes a joining member wait the session timeout less 1 s: 44 s by default.
            SessionTimeoutMs = StreamFinance.Host.Configuration.EmbeddedBrokerSettings.SessionTimeoutMs,
            AutoOffsetReset = Confluent.Kafka.AutoOffsetReset.Earliest,
            Logger = stack.LoggerFactory,
        };
        var builder = new StreamBuilder();
        builder.Stream<byte[], byte[]>(inputTopic).To(outputTopic);
        using var stream = new KafkaStream(builder.Build(), config);
        // Measured by output counts from the start, as the expense topology is: with two stream threads the first one has
        // its partitions and processes them while the second still joins, so the stream reaching RUNNING says nothing
        // about the records. (Waiting for RUNNING through a TaskCompletionSource completed in StateChanged also hung a
        // two-thread run for good: Streamiz raises StateChanged on a stream thread inside its state lock, the awaiting code
        // ran on that thread and disposed the stream there, and Dispose joins the stream threads, which wait for that lock.)
        await stream.StartAsync(ct);
        var throughput = await SteadyState.MeasureAsync("Streamiz passthrough (no processing)", () => stack.Count(outputTopic), count, warmup, TimeSpan.FromMinutes(5), ct);
        stream.Dispose();
        try { Directory.Delete(config.StateDir, recursive: true); }
        catch (IOException) { }
        return throughput;
    }
}
