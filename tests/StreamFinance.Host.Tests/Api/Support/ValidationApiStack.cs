using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Connectors.Producing;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Embedded.Broker;
using StreamFinance.Embedded.SchemaRegistry;
using StreamFinance.Host.Api;
using StreamFinance.Host.Api.Http;
using StreamFinance.Host.Api.MasterData;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.TestSupport.Waiting;
using StreamFinance.Topologies.Lookups;
using StreamFinance.Host.Runtime;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Topologies.MasterData;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Topologies.Validation;

namespace StreamFinance.Host.Tests.Api.Support;

/// <summary>
/// The validation API on the embedded stack: broker and registry in process, <see cref="ValidationWorld"/> produced
/// straight to md.history, the validation topology restored into its global store, and the API on an ephemeral port
/// with "today" fixed at 2026-03-20. Extra API servers and topologies can be made over the same stack.
/// </summary>
public sealed class ValidationApiStack : IAsyncLifetime
{
    /// <summary>The date the API takes for today.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);

    private readonly List<string> stateDirs = [];
    private readonly List<IAsyncDisposable> servers = [];
    private readonly List<TopologyService> topologies = [];
    private EmbeddedKafkaCluster? cluster;
    private EmbeddedSchemaRegistry? registry;

    /// <summary>Client of the API started by <see cref="InitializeAsync"/>, based at its root (<c>http://127.0.0.1:port/</c>).</summary>
    public HttpClient Http { get; private set; } = null!;

    public KafkaOptions Kafka { get; private set; } = null!;

    public SerDesFactory SerDes { get; private set; } = null!;

    /// <summary>The running validation topology the API answers from.</summary>
    public TopologyService Topology { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        cluster = EmbeddedKafkaCluster.Start();
        registry = await EmbeddedSchemaRegistry.StartAsync(0, ct: ct);
        foreach (var topic in new TopicSpec[] { Topics.MasterDataHistory, Topics.MasterDataDeadLetters })
            cluster.CreateTopic(topic.Name, topic.Partitions);
        Kafka = new KafkaOptions { BootstrapServers = cluster.BootstrapServers };
        SerDes = new SerDesFactory(SchemaRegistryClients.For(registry.Url));
        using (var producer = new CanonicalRecordProducer(Kafka, SerDes, "api-test"))
            foreach (var history in ValidationWorld.Histories)
                await producer.ProduceAsync(Topics.MasterDataHistory, MasterDataKeys.For(history.objectType, history.businessKey), history, ct);

        Topology = CreateTopology();
        var server = await StartServerAsync(Topology);
        await StartAndWaitUntilRunningAsync(Topology);
        Http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>Publishes <paramref name="history"/> to md.history, as the master-data topology would.</summary>
    public async Task PublishAsync(MasterDataHistory history, CancellationToken ct)
    {
        using var producer = new CanonicalRecordProducer(Kafka, SerDes, "api-test-update");
        await producer.ProduceAsync(Topics.MasterDataHistory, MasterDataKeys.For(history.objectType, history.businessKey), history, ct);
    }

    /// <summary>A validation topology over the stack's broker with its own application id and state, not started.</summary>
    public TopologyService CreateTopology()
    {
        var stateDir = Path.Combine(Path.GetTempPath(), $"streamfinance-api-test-{Guid.NewGuid():N}");
        stateDirs.Add(stateDir);
        var streams = new StreamsOptions
        {
            ApplicationIdPrefix = $"api-{Guid.NewGuid():N}"[..12], StateDir = stateDir, ProcessingGuarantee = Streamiz.Kafka.Net.ProcessingGuarantee.AT_LEAST_ONCE,
        };
        var topology = new TopologyService(new ValidationTopology(), Kafka, streams, new SchemaRegistryOptions { Url = registry!.Url }, SerDes, NullLoggerFactory.Instance);
        topologies.Add(topology);
        return topology;
    }

    /// <summary>An API server over <paramref name="topology"/>'s store on an ephemeral port, started.</summary>
    public async Task<ValidationApiServer> StartServerAsync(TopologyService topology, string? apiKey = null)
    {
        var options = new ValidationApiOptions { Port = 0, ApiKey = apiKey };
        var context = new ValidationApiContext(options, new StoreMasterDataLookup(new MasterDataStoreAccessor(topology)), new FxFallbackPolicy(), new FakeTimeProvider(Now));
        var server = new ValidationApiServer(context, NullLoggerFactory.Instance);
        servers.Add(server);
        await server.StartAsync(TestContext.Current.CancellationToken);
        return server;
    }

    /// <summary>Starts <paramref name="topology"/> and waits until its global store is restored (RUNNING).</summary>
    public static async Task StartAndWaitUntilRunningAsync(TopologyService topology)
    {
        await topology.StartedAsync(TestContext.Current.CancellationToken);
        await Wait.UntilAsync("the validation topology to reach RUNNING", TimeSpan.FromSeconds(60), () => Task.FromResult(topology.State),
            state => state == "RUNNING", state => state, TimeSpan.FromMilliseconds(50),
            () => topology.State is "ERROR" or "NOT_RUNNING" ? $"it is {topology.State}" : null);
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        foreach (var server in servers)
            await server.DisposeAsync();
        foreach (var topology in topologies)
            topology.Dispose();
        if (registry is not null)
            await registry.DisposeAsync();
        cluster?.Dispose();
        foreach (var dir in stateDirs)
            try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
            catch (IOException) { }
    }
}
