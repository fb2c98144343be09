using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StreamFinance.Connectors.Generator;
using StreamFinance.Connectors.Producing;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Embedded.Broker;
using StreamFinance.Embedded.SchemaRegistry;
using StreamFinance.Host.Api;
using StreamFinance.Host.Api.Http;
using StreamFinance.Host.Api.MasterData;
using StreamFinance.Host.Runtime;
using StreamFinance.Topologies.Configuration;
using StreamFinance.Topologies.SerDes;
using StreamFinance.Topologies.Validation;

namespace StreamFinance.Benchmarks.ValidationApi;

/// <summary>
/// Everything the benchmark loads, in this process: the embedded broker and registry, the sample master data in
/// md.history, the validation topology with its store restored, and the API on an ephemeral loopback port with a
/// trivial <see cref="BaselinePath"/> endpoint behind the same middleware.
/// </summary>
internal sealed class BenchmarkStack : IAsyncDisposable
{
    /// <summary>The trivial endpoint the API is compared with: a constant JSON answer, no master data.</summary>
    public const string BaselinePath = "/baseline";

    private readonly EmbeddedKafkaCluster cluster;
    private readonly EmbeddedSchemaRegistry registry;
    private readonly TopologyService topology;
    private readonly ValidationApiServer server;
    private readonly string stateDir;

    private BenchmarkStack(
        EmbeddedKafkaCluster cluster, EmbeddedSchemaRegistry registry, TopologyService topology, ValidationApiServer server, string stateDir, int objects, IMasterDataLookup lookup)
    {
        Lookup = lookup;
        this.cluster = cluster;
        this.registry = registry;
        this.topology = topology;
        this.server = server;
        this.stateDir = stateDir;
        Objects = objects;
    }

    /// <summary>Root of the server, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => server.BaseAddress!;

    /// <summary>URL of the embedded schema registry.</summary>
    public string RegistryUrl => registry.Url;

    /// <summary>The store-backed look-up the API answers from.</summary>
    public IMasterDataLookup Lookup { get; }

    /// <summary>Master-data objects in the store.</summary>
    public int Objects { get; }

    public static async Task<BenchmarkStack> StartAsync(SampleDataGenerator generator, ILoggerFactory loggerFactory, CancellationToken ct)
    {
        var cluster = EmbeddedKafkaCluster.Start();
        var registry = await EmbeddedSchemaRegistry.StartAsync(0, ct: ct);
        foreach (var topic in new TopicSpec[] { Topics.MasterDataHistory, Topics.MasterDataDeadLetters })
            cluster.CreateTopic(topic.Name, topic.Partitions);
        var kafka = new KafkaOptions { BootstrapServers = cluster.BootstrapServers };
        var serDes = new SerDesFactory(SchemaRegistryClients.For(registry.Url));
        var objects = 0;
        using (var producer = new CanonicalRecordProducer(kafka, serDes, "benchmark"))
            foreach (var (key, history) in SampleHistories.From(generator))
            {
                await producer.ProduceAsync(Topics.MasterDataHistory, key, history, ct);
                objects++;
            }

        var stateDir = Path.Combine(Path.GetTempPath(), $"streamfinance-benchmark-{Guid.NewGuid():N}");
        var streams = new StreamsOptions { ApplicationIdPrefix = "benchmark", StateDir = stateDir, ProcessingGuarantee = Streamiz.Kafka.Net.ProcessingGuarantee.AT_LEAST_ONCE };
        var topology = new TopologyService(new ValidationTopology(), kafka, streams, new SchemaRegistryOptions { Url = registry.Url }, serDes, loggerFactory);
        var lookup = new StoreMasterDataLookup(new MasterDataStoreAccessor(topology));
        var context = new ValidationApiContext(new ValidationApiOptions { Port = 0 }, lookup, new FxFallbackPolicy());
        var server = new ValidationApiServer(context, loggerFactory,
            endpoints => endpoints.MapGet(BaselinePath, (HttpContext http) => http.Response.WriteAsync("{\"ok\":true}", ct)));
        await server.StartAsync(ct);
        await topology.StartedAsync(ct);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (topology.State != "RUNNING")
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The validation topology did not restore its store within 60 s; it is {topology.State}.");
            await Task.Delay(50, ct);
        }
        return new BenchmarkStack(cluster, registry, topology, server, stateDir, objects, lookup);
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        topology.Dispose();
        await registry.DisposeAsync();
        cluster.Dispose();
        try { if (Directory.Exists(stateDir)) Directory.Delete(stateDir, recursive: true); }
        catch (IOException) { }
    }
}
