using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamFinance.Topologies;
using StreamFinance.Topologies.Configuration;
using StreamFinance.Topologies.Hosting;
using StreamFinance.Topologies.SerDes;
using Streamiz.Kafka.Net;

namespace StreamFinance.Host.Runtime;

/// <summary>Runs one topology's <see cref="KafkaStream"/> for the lifetime of the host and reports its state.</summary>
public sealed class TopologyService(
    IStreamTopology topology,
    KafkaOptions kafka,
    StreamsOptions streams,
    SchemaRegistryOptions registry,
    SerDesFactory serDes,
    ILoggerFactory loggerFactory) : IHostedService, IDisposable
{
    private readonly ILogger logger = loggerFactory.CreateLogger($"StreamFinance.Topology.{topology.Name}");
    private KafkaStream? stream;

    /// <summary>The topology this service runs.</summary>
    public IStreamTopology Topology => topology;

    /// <summary>
    /// The running stream, for interactive queries of its stores (<c>KafkaStream.Store</c>); null before
    /// <see cref="StartAsync"/> and after <see cref="StopAsync"/>. Query it only while <see cref="State"/> is RUNNING.
    /// </summary>
    public KafkaStream? Stream => stream;

    /// <summary>Current Streamiz state name (CREATED, REBALANCING, RUNNING, ERROR, ...), or NOT_STARTED.</summary>
    public string State { get; private set; } = "NOT_STARTED";

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = new StreamBuilder();
        topology.Build(builder, new TopologyContext(serDes));
        var config = StreamConfigFactory.Create(topology, kafka, streams, registry, loggerFactory);
        stream = new KafkaStream(builder.Build(), config);
        stream.StateChanged += (from, to) =>
        {
            State = to.Name;
            var level = to == KafkaStream.State.ERROR ? LogLevel.Error : LogLevel.Information;
            logger.Log(level, "Topology {Topology} state {From} -> {To}", topology.Name, from.Name, to.Name);
        };
        await stream.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        stream?.Dispose();
        stream = null;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose() => stream?.Dispose();
}
