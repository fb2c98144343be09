using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamFinance.Benchmarks.Kafka;

namespace StreamFinance.Benchmarks.ExpensePipeline;

/// <summary>What the topology benchmarks (<c>expense-pipeline</c>, <c>procurement</c>) share: their logging, the machine line they start with, and how they write their input bytes.</summary>
internal static class PipelineBenchmarkRun
{
    /// <summary>Console logging at warnings, Streamiz silenced but for critical errors.</summary>
    public static ILoggerFactory Logging() => LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
        .AddFilter("Streamiz", LogLevel.Critical));

    /// <summary>Cores, runtime and the load average before the run: the figures move with the machine's load.</summary>
    public static string Machine() => string.Create(CultureInfo.InvariantCulture,
        $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, load average before start {LoadAverage()}");

    /// <summary>Produces <paramref name="payloads"/> keyed by <paramref name="keys"/> to each of <paramref name="topics"/>, idempotent with acks=all, and waits until all are acknowledged.</summary>
    public static void ProduceBytes(string bootstrapServers, IReadOnlyList<string> keys, IReadOnlyList<byte[]> payloads, params string[] topics)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = bootstrapServers, EnableIdempotence = true, Acks = Acks.All, LingerMs = 5 }).Build();
        foreach (var topic in topics)
            for (var i = 0; i < keys.Count; i++)
                producer.ProduceWaiting(topic, new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes(keys[i]), Value = payloads[i] });
        if (producer.Flush(TimeSpan.FromMinutes(1)) > 0)
            throw new InvalidOperationException("The benchmark input was not acknowledged within a minute.");
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}
