using StreamFinance.Contracts.Catalog;
using Confluent.Kafka;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.IntegrationTests.Stacks;
using StreamFinance.IntegrationTests.Support;
using StreamFinance.TestSupport.Files;
using StreamFinance.TestSupport.Kafka;
using StreamFinance.Topologies;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Hosting;
using StreamFinance.Kafka.Internal;
using StreamFinance.Kafka.Observability;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net;
using StreamFinance.Kafka;

namespace StreamFinance.IntegrationTests.DeadLetters;

/// <summary>
/// Runs <see cref="DeadLetterProbeTopology"/> as a real <see cref="KafkaStream"/> on a stack, configured by
/// <see cref="StreamConfigFactory"/> with the dead-letter exception handlers, as the host runs every topology.
/// Records are produced before the stream starts; the stream reads them from the beginning.
/// </summary>
public sealed class DeadLetterProbe : IAsyncDisposable
{
    private readonly IKafkaStack stack;
    private readonly KafkaOptions kafka;
    private readonly SchemaRegistryOptions registry;
    private readonly TempDirectory stateDir;
    private readonly DeadLetterPublisher publisher;
    private readonly IProducer<string, byte[]> producer;
    private readonly List<string> states = [];
    private KafkaStream? stream;

    private DeadLetterProbe(IKafkaStack stack, UniqueNames names)
    {
        this.stack = stack;
        Topology = new DeadLetterProbeTopology(names);
        kafka = new KafkaOptions { BootstrapServers = stack.BootstrapServers };
        registry = new SchemaRegistryOptions { Url = stack.SchemaRegistryUrl };
        SerDes = SerDesFactory.FromOptions(registry);
        stateDir = new TempDirectory(Topology.Name);
        publisher = new DeadLetterPublisher(kafka, SerDes, clientSuffix: $"{Topology.Name}-dead-letters", metrics: Metrics.DeadLetters);
        producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = stack.BootstrapServers, EnableIdempotence = true, Acks = Acks.All }).Build();
    }

    /// <summary>The topology and its topics.</summary>
    public DeadLetterProbeTopology Topology { get; }

    /// <summary>SerDes over the stack's registry.</summary>
    public SerDesFactory SerDes { get; }

    /// <summary>The probe's own business metrics: its dead letters, whichever path wrote them, are counted here.</summary>
    public BusinessMetrics Metrics { get; } = BusinessMetrics.Detached();

    /// <summary>Every state the stream went through, in order.</summary>
    public IReadOnlyList<string> States
    {
        get
        {
            lock (states)
            {
                return states.ToList();
            }
        }
    }

    /// <summary>Why the stream stopped, or null while it has not.</summary>
    public string? StopReason => States.FirstOrDefault(s => s is "ERROR" or "PENDING_SHUTDOWN" or "NOT_RUNNING") is { } state ? $"the stream went to {state}" : null;

    /// <summary>Creates the topology's topics (and any internal ones) on <paramref name="stack"/>.</summary>
    public static async Task<DeadLetterProbe> CreateAsync(IKafkaStack stack, UniqueNames names)
    {
        var probe = new DeadLetterProbe(stack, names);
        var topology = probe.Topology;
        var internals = InternalTopics.For(probe.BuildTopology(), probe.Streams.ApplicationIdFor(topology.Name), _ => 1);
        await stack.CreateTopicsAsync(
            new[] { topology.Input.Name, topology.Output.Name, topology.DeadLetterTopic.Name }.Select(t => (t, 1))
                .Append((Topics.AuditEmitted.Name, Topics.AuditEmitted.Partitions))
                .Concat(internals.Select(t => (t.Name, t.Partitions))));
        return probe;
    }

    /// <summary>The cost center as Confluent Avro bytes of the input topic.</summary>
    public byte[] Avro(CostCenter costCenter) =>
        SerDes.Avro<CostCenter>().Serialize(costCenter, new SerializationContext(MessageComponentType.Value, Topology.Input.Name));

    /// <summary>Writes one record to the input topic and waits for the acknowledgement.</summary>
    public Task ProduceAsync(string key, byte[] value, Headers? headers = null) =>
        producer.ProduceAsync(Topology.Input.Name, new Message<string, byte[]> { Key = key, Value = value, Headers = headers ?? [] }, TestContext.Current.CancellationToken);

    /// <summary>Starts the stream; <paramref name="configure"/> may change its configuration first.</summary>
    public async Task StartAsync(Action<StreamConfig>? configure = null)
    {
        var handlers = new DeadLetterExceptionHandlers(Topology.Name, Topology.DeadLetterTopic, publisher);
        var config = StreamConfigFactory.Create(Topology, kafka, Streams, registry, loggerFactory: null, handlers);
        configure?.Invoke(config);
        stream = new KafkaStream(BuildTopology(), config);
        stream.StateChanged += (_, state) =>
        {
            lock (states)
            {
                states.Add(state.Name);
            }
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await stream.StartAsync(timeout.Token);
    }

    /// <summary>Waits until the output topic holds a record keyed <paramref name="key"/>; returns the keys read so far.</summary>
    public IReadOnlyList<string> WaitForOutput(string key, TimeSpan timeout) =>
        TopicReader.ReadUntil(stack.BootstrapServers, Topology.Output.Name, records => records.Any(r => r.Message.Key == key), timeout, TestContext.Current.CancellationToken, () => StopReason)
            .Select(r => r.Message.Key)
            .ToList();

    /// <summary>Everything in the dead-letter topic now, decoded.</summary>
    public List<(DeadLetter DeadLetter, ConsumeResult<byte[], byte[]> Record)> DeadLetters()
    {
        var serDes = SerDes.Avro<DeadLetter>();
        return TopicReader.ReadAll(stack.BootstrapServers, Topology.DeadLetterTopic.Name, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)
            .Select(r => (serDes.Deserialize(r.Message.Value, new SerializationContext(MessageComponentType.Value, r.Topic, r.Message.Headers)), r))
            .ToList();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        stream?.Dispose();
        publisher.Dispose();
        producer.Dispose();
        stateDir.Dispose();
        return ValueTask.CompletedTask;
    }

    private StreamsOptions Streams => new()
    {
        ApplicationIdPrefix = "it",
        StateDir = stateDir.Path,
        // The mock broker cannot prove exactly-once (ENVIRONMENT.md); dead-letter routing does not depend on it.
        ProcessingGuarantee = ProcessingGuarantee.AT_LEAST_ONCE,
        CommitIntervalMs = 200,
    };

    private Streamiz.Kafka.Net.Stream.Topology BuildTopology()
    {
        var builder = new StreamBuilder();
        Topology.Build(builder, new TopologyContext(SerDes, businessMetrics: Metrics));
        return builder.Build();
    }
}
