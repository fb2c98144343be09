using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamFinance.Topologies;
using StreamFinance.Topologies.Configuration;
using StreamFinance.Topologies.DeadLetters;
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
    private DeadLetterPublisher? deadLetterPublisher;

    /// <summary>The topology this service runs.</summary>
    public IStreamTopology Topology => topology;

    /// <summary>Current Streamiz state name (CREATED, REBALANCING, RUNNING, ERROR, ...), or NOT_STARTED.</summary>
    public string State { get; private set; } = "NOT_STARTED";

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = new StreamBuilder();
        topology.Build(builder, new TopologyContext(serDes));
        // Records the topology cannot deserialize or write go to its dead-letter topic instead of stopping it.
        deadLetterPublisher = new DeadLetterPublisher(kafka, serDes, logger, $"{topology.Name}-dead-letters");
        var deadLetters = new DeadLetterExceptionHandlers(topology.Name, topology.DeadLetterTopic, deadLetterPublisher, logger: logger);
        var config = StreamConfigFactory.Create(topology, kafka, streams, registry, loggerFactory, deadLetters);
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
        Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The stream first: its handlers may still be writing dead letters.
        stream?.Dispose();
        stream = null;
        deadLetterPublisher?.Dispose();
        deadLetterPublisher = null;
    }
}
