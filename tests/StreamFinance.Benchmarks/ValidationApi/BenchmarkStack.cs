using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StreamFinance.Connectors.Generator;
using StreamFinance.Connectors.Producing;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Embedded.Broker;
using StreamFinance.Embedded.SchemaRegistry;
using StreamFinance.Host.Api;
using StreamFinance.Host.Api.Http;
using StreamFinance.Host.Api.MasterData;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;
using StreamFinance.Host.Provisioning;
using StreamFinance.Host.Runtime;
using StreamFinance.Topologies;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Topologies.MasterData;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Topologies.Validation;
using StreamFinance.Domain.MasterData;
using StreamFinance.Kafka;

namespace StreamFinance.Benchmarks.ValidationApi;

/// <summary>
/// Everything the benchmark loads, in this process: the embedded broker and registry; the generator's sample master data
/// written to md.updates and run through the master-data topology into md.history, as in the demo; the validation
/// topology with its global store restored; and the API on an ephemeral loopback port with a trivial
/// <see cref="BaselinePath"/> endpoint behind the same middleware.
/// </summary>
internal sealed class BenchmarkStack : IAsyncDisposable
{
    /// <summary>The trivial endpoint the API is compared with: a constant JSON answer, no master data.</summary>
    public const string BaselinePath = "/baseline";

    private readonly List<TopologyService> topologies = [];
    private readonly string stateDir = Path.Combine(Path.GetTempPath(), $"streamfinance-benchmark-{Guid.NewGuid():N}");
    private EmbeddedKafkaCluster? cluster;
    private EmbeddedSchemaRegistry? registry;
    private ValidationApiServer? server;
    private MasterDataStoreAccessor? store;

    /// <summary>Root of the server, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => server!.BaseAddress!;

    /// <summary>URL of the embedded schema registry.</summary>
    public string RegistryUrl => registry!.Url;

    /// <summary>The store-backed look-up the API answers from.</summary>
    public IMasterDataLookup Lookup { get; private set; } = null!;

    /// <summary>Every object in the validation store, for an in-memory copy.</summary>
    public IReadOnlyList<MasterDataHistory> Histories() => store!.Store().All().Select(e => e.Value).ToList();

    public static async Task<BenchmarkStack> StartAsync(SampleDataGenerator generator, ILoggerFactory loggerFactory, CancellationToken ct)
    {
        var stack = new BenchmarkStack();
        try
        {
            await stack.StartInternalAsync(generator, loggerFactory, ct);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    private async Task StartInternalAsync(SampleDataGenerator generator, ILoggerFactory loggerFactory, CancellationToken ct)
    {
        cluster = EmbeddedKafkaCluster.Start();
        registry = await EmbeddedSchemaRegistry.StartAsync(0, ct: ct);
        var kafka = new KafkaOptions { BootstrapServers = cluster.BootstrapServers };
        var registryOptions = new SchemaRegistryOptions { Url = registry.Url };
        var serDes = new SerDesFactory(SchemaRegistryClients.For(registry.Url));
        var streams = new StreamsOptions { ApplicationIdPrefix = "benchmark", StateDir = stateDir, ProcessingGuarantee = Streamiz.Kafka.Net.ProcessingGuarantee.AT_LEAST_ONCE };
        IReadOnlyList<IStreamTopology> run = [new MasterDataTopology(), new ValidationTopology()];
        await new EmbeddedClusterProvisioner(cluster).ApplyAsync(RequiredTopics.For(streams, run, serDes), ct);

        using (var producer = new CanonicalRecordProducer(kafka, serDes, "benchmark"))
            foreach (var record in generator.MasterData())
                await producer.ProduceAsync(record.Topic, record.Key, record.Value, ct);

        foreach (var topology in run)
            topologies.Add(new TopologyService(topology, kafka, streams, registryOptions, serDes, loggerFactory, masterData: MasterDataOptions.Default()));
        var validation = topologies.Single(t => t.Topology is ValidationTopology);
        store = new MasterDataStoreAccessor(validation);
        Lookup = new StoreMasterDataLookup(store);
        var context = new ValidationApiContext(new ValidationApiOptions { Port = 0 }, Lookup, MasterDataOptions.Default().FxFallback);
        server = new ValidationApiServer(context, loggerFactory,
            endpoints => endpoints.MapGet(BaselinePath, (HttpContext http) => http.Response.WriteAsync("{\"ok\":true}", ct)));
        await server.StartAsync(ct);
        foreach (var topology in topologies)
            await topology.StartedAsync(ct);
        await WaitUntilMasterDataSettledAsync(ct);
    }

    /// <summary>Waits until the validation store is queryable and its object count has not changed for 3 s.</summary>
    private async Task WaitUntilMasterDataSettledAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        var (last, stableSince) = (-1L, DateTime.UtcNow);
        while (true)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException(
                    $"Master data did not settle within 120 s: topologies {string.Join(", ", topologies.Select(t => $"{t.Topology.Name} {t.State}"))}, {Math.Max(last, 0)} objects in the store.");
            if (store!.IsAvailable)
            {
                var count = store.Store().ApproximateNumEntries();
                if (count != last)
                    (last, stableSince) = (count, DateTime.UtcNow);
                else if (count > 0 && DateTime.UtcNow - stableSince > TimeSpan.FromSeconds(3))
                    return;
            }
            await Task.Delay(200, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
            await server.DisposeAsync();
        foreach (var topology in topologies)
            topology.Dispose();
        if (registry is not null)
            await registry.DisposeAsync();
        cluster?.Dispose();
        try { if (Directory.Exists(stateDir)) Directory.Delete(stateDir, recursive: true); }
        catch (IOException) { }
    }
}
