using System.Diagnostics;
using System.Net;
using System.Text.Json;
using StreamFinance.Contracts.Catalog;
using StreamFinance.IntegrationTests.Pipelines;

namespace StreamFinance.IntegrationTests.Faults;

/// <summary>
/// Samples a running pipeline twice a second while faults are injected: its readiness (and the detail of every component
/// that is not ready), the expense topology's records consumed from <c>ingest.expenses</c>, and the counters that show
/// retries (librdkafka request retries and errors, the supervisor's restarts). Answers when processing resumed after a
/// moment and what readiness said in between.
/// </summary>
public sealed class PipelineTimeline : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private readonly PipelineRun run;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<Sample> samples = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;

    private PipelineTimeline(PipelineRun run)
    {
        this.run = run;
        sampling = Task.Run(SampleAsync);
    }

    /// <summary>Seconds since the timeline started.</summary>
    public double Now => clock.Elapsed.TotalSeconds;

    /// <summary>Every sample so far.</summary>
    public IReadOnlyList<Sample> Samples
    {
        get
        {
            lock (samples)
                return samples.ToList();
        }
    }

    /// <summary>Starts sampling <paramref name="run"/>.</summary>
    public static PipelineTimeline Start(PipelineRun run) => new(run);

    /// <summary>Seconds from <paramref name="at"/> until a sample shows more records consumed than the last sample before it; null if none did yet.</summary>
    public double? ResumedAfter(double at)
    {
        var all = Samples;
        var before = all.LastOrDefault(s => s.At <= at)?.Consumed ?? 0;
        return all.FirstOrDefault(s => s.At > at && s.Consumed > before) is { } moved ? moved.At - at : null;
    }

    /// <summary>Seconds from <paramref name="at"/> until the first sample that was ready again (or null).</summary>
    public double? ReadyAfter(double at) => Samples.FirstOrDefault(s => s.At > at && s.Ready)?.At - at;

    /// <summary>The distinct details of components not ready between <paramref name="from"/> and <paramref name="to"/>, with numbers blanked.</summary>
    public IReadOnlyList<string> NotReadyBetween(double from, double to) => Samples.Where(s => s.At >= from && s.At <= to)
        .SelectMany(s => s.NotReady).Select(d => System.Text.RegularExpressions.Regex.Replace(d, @"\d+ s\b", "N s")).Distinct().ToList();

    /// <summary>Stops sampling.</summary>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var at = Now;
                var (status, body) = await run.ReadinessAsync();
                var metrics = await run.MetricsAsync();
                var sample = new Sample(
                    at,
                    status == HttpStatusCode.OK,
                    NotReady(body),
                    metrics.Value("streamfinance_records_consumed_total", ("topology", "expense"), ("topic", Topics.Expenses.Name)) ?? 0,
                    metrics.Matching("streamfinance_kafka_request_retries_total").Sum(m => m.Value),
                    metrics.Matching("streamfinance_kafka_request_errors_total").Sum(m => m.Value),
                    metrics.Matching("streamfinance_kafka_transient_fetch_errors_total").Sum(m => m.Value),
                    metrics.Matching("streamfinance_topology_restarts_total").Sum(m => m.Value));
                lock (samples)
                    samples.Add(sample);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                // The process is busy or restarting its listener: the next sample tries again.
            }
            await Task.Delay(Interval, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static IReadOnlyList<string> NotReady(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.GetProperty("components").EnumerateArray()
                .Where(c => !c.GetProperty("ready").GetBoolean())
                .Select(c => $"{c.GetProperty("name").GetString()}: {c.GetProperty("detail").GetString()}")
                .ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return [];
        }
    }

    /// <summary>One look at the pipeline.</summary>
    /// <param name="At">Seconds since the timeline started.</param>
    /// <param name="Ready">Whether <c>/health/ready</c> answered 200.</param>
    /// <param name="NotReady">Each component not ready, with its detail.</param>
    /// <param name="Consumed">Records the expense topology consumed from <c>ingest.expenses</c>.</param>
    /// <param name="Retries">Sum of <c>streamfinance_kafka_request_retries_total</c> (series of replaced clients leave it).</param>
    /// <param name="Errors">Sum of <c>streamfinance_kafka_request_errors_total</c>.</param>
    /// <param name="FetchErrors">Sum of <c>streamfinance_kafka_transient_fetch_errors_total</c>: fetch errors the stream went on after.</param>
    /// <param name="Restarts">Sum of <c>streamfinance_topology_restarts_total</c>.</param>
    public sealed record Sample(double At, bool Ready, IReadOnlyList<string> NotReady, double Consumed, double Retries, double Errors, double FetchErrors, double Restarts);
}
