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
            AutoOffsetReset = Confluent.Kafka.AutoOffsetReset.Earliest,
            Logger = stack.LoggerFactory,
        };
        var builder = new StreamBuilder();
        builder.Stream<byte[], byte[]>(inputTopic).To(outputTopic);
        using var stream = new KafkaStream(builder.Build(), config);
        var running = new TaskCompletionSource();
        stream.StateChanged += (_, state) =>
        {
            if (state == KafkaStream.State.RUNNING)
                running.TrySetResult();
        };
        await stream.StartAsync(ct);
        await running.Task.WaitAsync(TimeSpan.FromMinutes(2), ct);
        var throughput = await SteadyState.MeasureAsync("Streamiz passthrough (no processing)", () => stack.Count(outputTopic), count, warmup, TimeSpan.FromMinutes(5), ct);
        stream.Dispose();
        try { Directory.Delete(config.StateDir, recursive: true); }
        catch (IOException) { }
        return throughput;
    }
}
