using System.Globalization;
using System.Net;
using System.Runtime;
using Microsoft.Extensions.Logging;
using StreamFinance.Benchmarks.Load;
using StreamFinance.Connectors.Generator;

namespace StreamFinance.Benchmarks.ValidationApi;

/// <summary>
/// Loads the validation API with the <see cref="RequestMix"/> at a fixed rate, then a trivial endpoint of the same
/// Kestrel at the same rate, each after a warm-up, and prints both with their ratio. Client and server share this
/// process and its cores (loopback, no network), as do the broker and the topology.
/// </summary>
internal static class ValidationApiBenchmark
{
    public static async Task RunAsync(ValidationApiBenchmarkSettings settings, TextWriter output, CancellationToken ct)
    {
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            // librdkafka complains when the broker goes away before the clients at the end of a run.
            .AddFilter("Streamiz", LogLevel.Critical));
        var generator = new SampleDataGenerator(settings.Seed);
        output.WriteLine(Environment());
        output.WriteLine("Starting the embedded stack and restoring the validation store ...");
        await using var stack = await BenchmarkStack.StartAsync(generator, loggerFactory, ct);
        var mix = RequestMix.Create(generator.World, DateOnly.FromDateTime(DateTime.UtcNow), settings.Seed);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Store holds {stack.Histories().Count} master-data objects (sample data through the master-data topology); API at {stack.BaseAddress}v1; {mix.Count} distinct requests " +
            $"({string.Join(", ", mix.GroupBy(r => r.Kind).Select(g => $"{g.Key} {g.Count() * 100.0 / mix.Count:0}%"))})."));

        var server = new IPEndPoint(IPAddress.Parse(stack.BaseAddress.Host), stack.BaseAddress.Port);
        using var pool = new HttpConnectionPool(server, settings.Connections);
        var host = stack.BaseAddress.Authority;

        var (api, apiServerTime) = await MeasureAsync("validation API", new OpenLoopLoad(pool, mix, host), route => route.StartsWith("/v1", StringComparison.Ordinal), settings, output, ct);
        var baselineMix = new[] { new RequestTemplate("GET baseline", HttpMethod.Get, BenchmarkStack.BaselinePath, null) };
        var (baseline, baselineServerTime) = await MeasureAsync("baseline endpoint", new OpenLoopLoad(pool, baselineMix, host), route => route == BenchmarkStack.BaselinePath, settings, output, ct);

        output.WriteLine();
        output.WriteLine(api.Describe());
        output.WriteLine($"{"",-22} server's own time (API metric, no transport): {apiServerTime}");
        output.WriteLine(baseline.Describe());
        output.WriteLine($"{"",-22} server's own time (API metric, no transport): {baselineServerTime}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio API/baseline   p50 {api.Latency(0.5) / baseline.Latency(0.5):0.00}x  p99 {api.Latency(0.99) / baseline.Latency(0.99):0.00}x"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"target p99 < 2 ms at {settings.Rate}/s: {(api.Latency(0.99) < 2.0 && api.Completed == api.Scheduled ? "met" : "NOT met")} (p99 {api.Latency(0.99):0.000} ms)"));
    }

    private static async Task<(LoadResult Load, string ServerTime)> MeasureAsync(string label, OpenLoopLoad load, Func<string, bool> route,
        ValidationApiBenchmarkSettings settings, TextWriter output, CancellationToken ct)
    {
        if (settings.Warmup > TimeSpan.Zero)
        {
            output.WriteLine($"{label}: warming up for {settings.Warmup.TotalSeconds:0} s at {settings.Rate}/s ...");
            await load.RunAsync($"{label} warm-up", settings.Rate, settings.Warmup, ct);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        output.WriteLine($"{label}: measuring for {settings.Duration.TotalSeconds:0} s at {settings.Rate}/s ...");
        var before = await ServerTime.ReadAsync(route, ct);
        var result = await load.RunAsync(label, settings.Rate, settings.Duration, ct);
        var after = await ServerTime.ReadAsync(route, ct);
        return (result, after.DescribeSince(before));
    }

    private static string Environment()
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        return string.Create(CultureInfo.InvariantCulture,
            $"{System.Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, " +
            $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC ({GCSettings.LatencyMode}), " +
            $"thread-pool spin limit {AppContext.GetData("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit") ?? "default"}, load average before start {load}");
    }
}
