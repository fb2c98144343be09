using StreamFinance.Contracts.Catalog;
using StreamFinance.IntegrationTests.Stacks;
using StreamFinance.TestSupport.Files;
using StreamFinance.Topologies;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Hosting;
using StreamFinance.Kafka.Internal;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Stream;
using StreamFinance.Kafka;

using StreamFinance.Kafka.Observability;

namespace StreamFinance.IntegrationTests.Support;

/// <summary>
/// One topology on an <see cref="IKafkaStack"/>, configured as the host configures it: built, its catalog and internal
/// topics created (<see cref="PrepareAsync"/>), then started as a real <see cref="KafkaStream"/> with the dead-letter
/// exception handlers (<see cref="StartAsync"/>). Between the two the test writes its input.
/// </summary>
public sealed class HostedTopologyRun : IDisposable
{
    private readonly IStreamTopology topology;
    private readonly Topology built;
    private readonly StreamsOptions streams;
    private readonly TempDirectory stateDir;
    private DeadLetterPublisher? publisher;

    private HostedTopologyRun(IStreamTopology topology, Topology built, StreamsOptions streams, TempDirectory stateDir,
        KafkaOptions kafka, SchemaRegistryOptions registry, SerDesFactory serDes)
    {
        (this.topology, this.built, this.streams, this.stateDir) = (topology, built, streams, stateDir);
        (Kafka, Registry, SerDes) = (kafka, registry, serDes);
    }

    public KafkaOptions Kafka { get; }

    /// <summary>The business metrics of the topology and its dead-letter publisher (a registry of this run's own).</summary>
    public BusinessMetrics Metrics { get; private init; } = BusinessMetrics.Detached();

    public SchemaRegistryOptions Registry { get; }

    public SerDesFactory SerDes { get; }

    /// <summary>Builds <paramref name="topology"/> and creates every topic it reads, writes or keeps internally.</summary>
    public static async Task<HostedTopologyRun> PrepareAsync(IKafkaStack stack, IStreamTopology topology, string applicationIdPrefix)
    {
        var stateDir = new TempDirectory(topology.Name);
        var streams = new StreamsOptions
        {
            ApplicationIdPrefix = applicationIdPrefix,
            StateDir = stateDir.Path,
            // The mock broker cannot prove exactly-once (ENVIRONMENT.md); the topologies are idempotent either way.
            ProcessingGuarantee = ProcessingGuarantee.AT_LEAST_ONCE,
            CommitIntervalMs = 200,
        };
        var registry = new SchemaRegistryOptions { Url = stack.SchemaRegistryUrl };
        var serDes = SerDesFactory.FromOptions(registry);
        var builder = new StreamBuilder();
        var metrics = BusinessMetrics.Detached();
        topology.Build(builder, new TopologyContext(serDes, businessMetrics: metrics));
        var run = new HostedTopologyRun(topology, builder.Build(), streams, stateDir,
            new KafkaOptions { BootstrapServers = stack.BootstrapServers }, registry, serDes) { Metrics = metrics };
        var partitions = Topics.All.ToDictionary(t => t.Name, t => t.Partitions);
        await stack.CreateTopicsAsync(topology.Inputs.Concat(topology.Outputs).Select(t => (t.Name, t.Partitions))
            .Concat(InternalTopics.For(run.built, streams.ApplicationIdFor(topology.Name), name => partitions[name]).Select(t => (t.Name, t.Partitions))));
        return run;
    }

    /// <summary>Starts the topology, failing the test if it does not start within a minute.</summary>
    public Task<RunningStreamsApp> StartAsync(CancellationToken ct)
    {
        publisher ??= new DeadLetterPublisher(Kafka, SerDes, clientSuffix: $"{topology.Name}-dead-letters", metrics: Metrics.DeadLetters);
        var config = StreamConfigFactory.Create(topology, Kafka, streams, Registry, loggerFactory: null,
            new DeadLetterExceptionHandlers(topology.Name, topology.DeadLetterTopic, publisher));
        return RunningStreamsApp.StartAsync(built, config, TimeSpan.FromSeconds(60), ct);
    }

    public void Dispose()
    {
        publisher?.Dispose();
        stateDir.Dispose();
    }
}
