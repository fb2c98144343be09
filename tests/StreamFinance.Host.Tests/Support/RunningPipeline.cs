using System.Net;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Embedded.Broker;
using StreamFinance.Embedded.SchemaRegistry;
using StreamFinance.Host.Configuration;
using StreamFinance.Host.Observability;
using StreamFinance.Host.Provisioning;
using StreamFinance.Host.Runtime;
using StreamFinance.TestSupport.Waiting;
using StreamFinance.Topologies;
using StreamFinance.Kafka;

namespace StreamFinance.Host.Tests.Support;

/// <summary>
/// A pipeline running in this process on an embedded broker and Schema Registry, with one
/// <see cref="PassThroughTopology"/>, the HTTP listener on a free port, and the log captured as the console would print it.
/// </summary>
internal sealed class RunningPipeline : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string stateDir = Path.Combine(Path.GetTempPath(), $"streamfinance-test-{Guid.NewGuid():N}");
    private Task<int>? run;

    private RunningPipeline(EmbeddedKafkaCluster cluster, EmbeddedSchemaRegistry registry, string topologyName)
    {
        Cluster = cluster;
        Registry = registry;
        TopologyName = topologyName;
    }

    public EmbeddedKafkaCluster Cluster { get; }

    public EmbeddedSchemaRegistry Registry { get; }

    public string TopologyName { get; }

    public LogCapture Log { get; private set; } = null!;

    public StringWriter Output { get; } = new();

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Starts the stack and the pipeline; returns once <c>/metrics</c> and <c>/health</c> listen.</summary>
    /// <param name="settings">Settings on top of the test defaults.</param>
    /// <param name="carelessLog">Text the topology logs once while it is built.</param>
    /// <param name="onListening">Runs when the listener is up and before the topology starts.</param>
    /// <param name="topologies">The topologies to run instead of the pass-through one.</param>
    /// <param name="whileListening">Like <paramref name="onListening"/>, with the pipeline itself (its output so far).</param>
    public static async Task<RunningPipeline> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, string? carelessLog = null, Action<Uri>? onListening = null,
        IReadOnlyList<IStreamTopology>? topologies = null, Action<RunningPipeline>? whileListening = null)
    {
        var cluster = EmbeddedKafkaCluster.Start();
        var registry = await EmbeddedSchemaRegistry.StartAsync(0, ct: TestContext.Current.CancellationToken);
        var pipeline = new RunningPipeline(cluster, registry, $"pass-{Guid.NewGuid():N}"[..13]);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Kafka:BootstrapServers"] = cluster.BootstrapServers,
            ["SchemaRegistry:Url"] = registry.Url,
            ["Streams:ApplicationIdPrefix"] = $"test-{Guid.NewGuid():N}"[..13],
            ["Streams:StateDir"] = pipeline.stateDir,
            ["Streams:ProcessingGuarantee"] = "AT_LEAST_ONCE",
            ["Streams:CommitIntervalMs"] = "100",
            ["Observability:MetricsPort"] = "0",
            // The pass-through topology is run alone by default: there is no validation topology for the API to answer from.
            ["Api:Enabled"] = "false",
            ["Observability:RegistryCheckIntervalSeconds"] = "1",
            ["Observability:KafkaStatisticsIntervalMs"] = "500",
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            ["Logging:LogLevel:Streamiz"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            values[key] = value;
        var parsed = StreamFinanceSettings.Bind(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        pipeline.Log = new LogCapture(parsed.Logging.Format == LogFormat.Json ? "json" : "simple");
        var options = new PipelineOptions(
            parsed,
            new EmbeddedClusterProvisioner(cluster),
            RunGenerator: false,
            LiveView: false,
            Duration: null,
            Topologies: topologies ?? [new PassThroughTopology(pipeline.TopologyName, carelessLog)],
            ConfigureLogging: pipeline.Log.AddTo,
            OnListening: uri =>
            {
                pipeline.Http.BaseAddress = uri;
                onListening?.Invoke(uri);
                whileListening?.Invoke(pipeline);
                pipeline.listening.TrySetResult(uri);
            });
        pipeline.run = Task.Run(() => PipelineRunner.RunAsync(options, TextWriter.Synchronized(pipeline.Output), pipeline.stop.Token));
        var first = await Task.WhenAny(pipeline.listening.Task, pipeline.run, Task.Delay(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
        if (first != pipeline.listening.Task)
        {
            await pipeline.DisposeAsync();
            throw new InvalidOperationException($"The pipeline did not start listening. Output: {pipeline.Output}", pipeline.run.Exception);
        }
        return pipeline;
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200; every answer seen, in order.</summary>
    public async Task<IReadOnlyList<HealthProbe>> WaitUntilReadyAsync()
    {
        var seen = new List<HealthProbe>();
        await Wait.UntilAsync("/health/ready to answer 200", TimeSpan.FromSeconds(60),
            async () =>
            {
                var probe = await HealthProbe.GetAsync(Http, ObservabilityEndpoints.ReadyPath);
                seen.Add(probe);
                return probe;
            },
            probe => probe.Status == HttpStatusCode.OK, probe => $"{(int)probe.Status} {probe.Body}");
        return seen;
    }

    /// <summary>Writes <paramref name="count"/> records with keys e0, e1, ... to <c>ingest.expenses</c>.</summary>
    public async Task ProduceExpensesAsync(int count)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = Cluster.BootstrapServers }).Build();
        for (var i = 0; i < count; i++)
            await producer.ProduceAsync(Topics.Expenses.Name, new Message<string, byte[]> { Key = $"e{i}", Value = [1, 2, 3] }, TestContext.Current.CancellationToken);
    }

    /// <summary>Stops the pipeline as Ctrl+C would; returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await stop.CancelAsync();
        return run is null ? -1 : await run.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (run is { IsCompleted: false })
        {
            await stop.CancelAsync();
            try { await run.WaitAsync(TimeSpan.FromSeconds(60)); }
            catch (Exception e) when (e is OperationCanceledException or TimeoutException) { }
        }
        Http.Dispose();
        await Registry.DisposeAsync();
        Cluster.Dispose();
        stop.Dispose();
        try { if (Directory.Exists(stateDir)) Directory.Delete(stateDir, recursive: true); }
        catch (IOException) { }
    }
}
