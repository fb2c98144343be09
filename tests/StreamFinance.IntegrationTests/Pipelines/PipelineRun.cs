using System.Diagnostics;
using System.Net;
using System.Text.Json;
using StreamFinance.IntegrationTests.Processes;
using StreamFinance.TestSupport.Metrics;
using StreamFinance.TestSupport.Waiting;

namespace StreamFinance.IntegrationTests.Pipelines;

/// <summary>
/// One <c>streamfinance run</c> process against a <see cref="BrokerProcess"/>, every topology, no connector: its metrics,
/// readiness and validation API at the free ports it took, as it printed them.
/// </summary>
public sealed class PipelineRun : IAsyncDisposable
{
    /// <summary>How long a start may take to answer 200 on <c>/health/ready</c>.</summary>
    public static readonly TimeSpan ReadyPatience = TimeSpan.FromSeconds(60);

    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private PipelineRun(string name, StreamFinanceProcess process)
    {
        Name = name;
        Process = process;
    }

    /// <summary>The instance's name in the test (also its state folder's).</summary>
    public string Name { get; }

    /// <summary>The process.</summary>
    public StreamFinanceProcess Process { get; }

    /// <summary><c>/metrics</c>.</summary>
    public Uri Metrics { get; private set; } = null!;

    /// <summary><c>/health/ready</c>.</summary>
    public Uri Ready { get; private set; } = null!;

    /// <summary>The validation API's base, e.g. <c>http://127.0.0.1:41234/v1</c>.</summary>
    public Uri Api { get; private set; } = null!;

    /// <summary>
    /// Starts <c>run</c> against <paramref name="broker"/> with the settings of <see cref="Settings"/>, its state in a folder of
    /// its own under <paramref name="work"/> and <paramref name="arguments"/> added to its command line, and waits until it
    /// printed its addresses.
    /// </summary>
    public static async Task<PipelineRun> StartAsync(string name, BrokerProcess broker, string work, Settings settings, params string[] arguments)
    {
        var folder = Directory.CreateDirectory(Path.Combine(work, name)).FullName;
        var config = Path.Combine(folder, "appsettings.json");
        await File.WriteAllTextAsync(config, settings.ToJson(Path.Combine(folder, "state")), TestContext.Current.CancellationToken);
        var run = new PipelineRun(name, StreamFinanceProcess.Start(["run", .. broker.RunArguments, "--config", config, .. arguments]));
        try
        {
            run.Api = new Uri(await run.Process.WaitForLineAsync(@"^Validation API at (\S+)$", ReadyPatience));
            var metrics = await run.Process.WaitForLineAsync(@"^Metrics at (\S+), health at", ReadyPatience);
            run.Metrics = new Uri(metrics);
            run.Ready = new Uri(await run.Process.WaitForLineAsync(@"health at \S+ and (\S+)$", ReadyPatience));
            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200; returns the seconds it took.</summary>
    public async Task<double> WaitReadyAsync(TimeSpan? patience = null)
    {
        var clock = Stopwatch.StartNew();
        await Wait.UntilAsync($"{Name} to answer 200 on /health/ready", patience ?? ReadyPatience, ReadinessAsync,
            r => r.Status == HttpStatusCode.OK, r => $"{(int)r.Status} {r.Body}", TimeSpan.FromMilliseconds(250),
            stopped: () => Process.HasExited ? $"{Name} exited" : null, detail: () => $"Output:{Environment.NewLine}{Process.Tail()}");
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary><c>/health/ready</c> now: its status and body (a connection refused is status 0).</summary>
    public async Task<(HttpStatusCode Status, string Body)> ReadinessAsync()
    {
        try
        {
            using var answer = await http.GetAsync(Ready, TestContext.Current.CancellationToken);
            return (answer.StatusCode, await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        catch (HttpRequestException e)
        {
            return (0, e.Message);
        }
    }

    /// <summary><c>/metrics</c> now.</summary>
    public async Task<PrometheusText> MetricsAsync() => PrometheusText.Parse(await http.GetStringAsync(Metrics, TestContext.Current.CancellationToken));

    /// <summary>A validation API call; returns the status and the body.</summary>
    public async Task<(int Status, string Body)> ApiAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(Api + "/" + path.TrimStart('/')))
        {
            Content = json is null ? null : new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        using var answer = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)answer.StatusCode, await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Process.DisposeAsync();
    }

    /// <summary>
    /// The settings of a run: every topology under <paramref name="Guarantee"/> with <paramref name="StreamThreads"/> stream threads
    /// and application ids <c>{ApplicationIdPrefix}-{topology}</c> (shared by instances that scale out), commits every 200 ms,
    /// 10-second posting windows with 1 s grace, librdkafka statistics every second, free ports.
    /// </summary>
    public sealed record Settings(string ApplicationIdPrefix, string Guarantee = "AT_LEAST_ONCE", int StreamThreads = 1, int StallSeconds = 60)
    {
        /// <summary>The settings file's JSON, with the state in <paramref name="stateDir"/>.</summary>
        public string ToJson(string stateDir) => JsonSerializer.Serialize(new
        {
            Streams = new
            {
                ApplicationIdPrefix, StateDir = stateDir, ProcessingGuarantee = Guarantee, NumStreamThreads = StreamThreads, CommitIntervalMs = 200,
            },
            Observability = new { MetricsPort = 0, RegistryCheckIntervalSeconds = 1, KafkaStatisticsIntervalMs = 1000, StallSeconds },
            Supervision = new { CloseTimeoutSeconds = 5 },
            Api = new { Port = 0 },
            Posting = new { WindowSize = "00:00:10", GracePeriod = "00:00:01", CloseCheckInterval = "00:00:01" },
        });
    }
}
