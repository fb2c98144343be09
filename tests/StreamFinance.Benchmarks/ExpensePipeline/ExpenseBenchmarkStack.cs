using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamFinance.Connectors.Generator;
using StreamFinance.Connectors.Producing;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Embedded.Broker;
using StreamFinance.Embedded.SchemaRegistry;
using StreamFinance.Host.Provisioning;
using StreamFinance.Host.Runtime;
using StreamFinance.Topologies;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Topologies.Expenses;
using StreamFinance.Topologies.MasterData;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Kafka;

namespace StreamFinance.Benchmarks.ExpensePipeline;

/// <summary>
/// The embedded broker and registry in this process, with every topic of the master-data topology and of the measured
/// topology (the expense topology unless another is given) plus the passthrough's topics (as many partitions as
/// <c>ingest.expenses</c>, which every ingest topic has), and the sample master data run through the master-data topology
/// into <c>md.history</c>, as in the demo.
/// </summary>
internal sealed class ExpenseBenchmarkStack : IAsyncDisposable
{
    public const string PassthroughInput = "bench.passthrough-in";
    public const string PassthroughOutput = "bench.passthrough-out";
    public const string StreamizOutput = "bench.streamiz-out";

    private readonly List<TopologyService> topologies = [];
    private readonly string stateDir = Path.Combine(Path.GetTempPath(), $"streamfinance-expense-benchmark-{Guid.NewGuid():N}");
    private readonly ILoggerFactory loggerFactory;

    /// <summary>Logging of the stack's clients and topologies.</summary>
    public ILoggerFactory LoggerFactory => loggerFactory;
    private EmbeddedKafkaCluster? cluster;
    private EmbeddedSchemaRegistry? registry;
    private IConsumer<byte[], byte[]>? counter;

    private ExpenseBenchmarkStack(int streamThreads, ILoggerFactory loggerFactory) => (StreamThreads, this.loggerFactory) = (streamThreads, loggerFactory);

    /// <summary>Stream threads of every Streamiz application on this stack.</summary>
    public int StreamThreads { get; }

    public KafkaOptions Kafka { get; private set; } = null!;

    public SerDesFactory SerDes { get; private set; } = null!;

    public string BootstrapServers => cluster!.BootstrapServers;

    private StreamsOptions Streams => new()
    {
        ApplicationIdPrefix = "expense-benchmark", StateDir = stateDir, ProcessingGuarantee = Streamiz.Kafka.Net.ProcessingGuarantee.AT_LEAST_ONCE,
        NumStreamThreads = StreamThreads,
        // As demo and run --broker-control do on the embedded broker (EmbeddedBrokerSettings): without them a second
        // stream thread's join waited 44 s.
        StaticMembership = false,
        SessionTimeoutMs = StreamFinance.Host.Configuration.EmbeddedBrokerSettings.SessionTimeoutMs,
    };

    public static async Task<ExpenseBenchmarkStack> StartAsync(
        SampleDataGenerator generator, int streamThreads, ILoggerFactory loggerFactory, CancellationToken ct, IStreamTopology? measured = null)
    {
        var stack = new ExpenseBenchmarkStack(streamThreads, loggerFactory);
        try
        {
            await stack.StartInternalAsync(generator, measured ?? new ExpenseTopology(), ct);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    private async Task StartInternalAsync(SampleDataGenerator generator, IStreamTopology measured, CancellationToken ct)
    {
        cluster = EmbeddedKafkaCluster.Start();
        registry = await EmbeddedSchemaRegistry.StartAsync(0, ct: ct);
        Kafka = new KafkaOptions { BootstrapServers = cluster.BootstrapServers };
        SerDes = new SerDesFactory(SchemaRegistryClients.For(registry.Url));
        IReadOnlyList<IStreamTopology> run = [new MasterDataTopology(), measured];
        await new EmbeddedClusterProvisioner(cluster).ApplyAsync(RequiredTopics.For(Streams, run, SerDes), ct);
        cluster.CreateTopic(PassthroughInput, Topics.Expenses.Partitions);
        cluster.CreateTopic(PassthroughOutput, Topics.Expenses.Partitions);
        cluster.CreateTopic(StreamizOutput, Topics.Expenses.Partitions);

        using (var producer = new CanonicalRecordProducer(Kafka, SerDes, "benchmark"))
            foreach (var record in generator.MasterData())
                await producer.ProduceAsync(record.Topic, record.Key, record.Value, ct);
        var masterData = Start(new MasterDataTopology());
        await masterData.StartedAsync(ct);
        await WaitUntilSettledAsync(Topics.MasterDataHistory.Name, ct);
    }

    /// <summary>A topology over this stack, not started.</summary>
    public TopologyService Start(IStreamTopology topology)
    {
        var service = new TopologyService(topology, Kafka, Streams, new SchemaRegistryOptions { Url = registry!.Url }, SerDes, loggerFactory);
        topologies.Add(service);
        return service;
    }

    /// <summary>The latest md.history value of every object, read from the topic.</summary>
    public IReadOnlyList<MasterDataHistory> Histories()
    {
        var serDes = SerDes.Avro<MasterDataHistory>();
        var context = new SerializationContext(MessageComponentType.Value, Topics.MasterDataHistory.Name);
        var expected = Count(Topics.MasterDataHistory.Name);
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = BootstrapServers, GroupId = $"benchmark-history-{Guid.NewGuid():N}", AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe(Topics.MasterDataHistory.Name);
        var latest = new Dictionary<string, MasterDataHistory>();
        var read = 0L;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (read < expected && DateTime.UtcNow < deadline)
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } record)
            {
                read++;
                if (record.Message.Value is { } value)
                    latest[record.Message.Key] = serDes.Deserialize(value, context);
                else
                    latest.Remove(record.Message.Key);
            }
        consumer.Close();
        return latest.Values.ToList();
    }

    /// <summary>Records in <paramref name="topics"/> (sum of high watermarks over their partitions).</summary>
    public long Count(params string[] topics)
    {
        var consumer = counter ??= new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = BootstrapServers, GroupId = "benchmark-count" }).Build();
        long total = 0;
        foreach (var topic in topics)
            for (var partition = 0; partition < PartitionsOf(topic); partition++)
                total += consumer.QueryWatermarkOffsets(new TopicPartition(topic, partition), TimeSpan.FromSeconds(10)).High.Value;
        return total;
    }

    private static int PartitionsOf(string topic) =>
        Topics.All.FirstOrDefault(t => t.Name == topic)?.Partitions ?? Topics.Expenses.Partitions;

    /// <summary>Waits until <paramref name="topic"/> has records and has not grown for 3 s.</summary>
    public async Task WaitUntilSettledAsync(string topic, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        var (last, since) = (-1L, DateTime.UtcNow);
        while (true)
        {
            var count = Count(topic);
            if (count != last)
                (last, since) = (count, DateTime.UtcNow);
            else if (count > 0 && DateTime.UtcNow - since > TimeSpan.FromSeconds(3))
                return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{topic} did not settle within 120 s ({Math.Max(last, 0)} records).");
            await Task.Delay(250, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        counter?.Dispose();
        foreach (var topology in topologies)
            topology.Dispose();
        if (registry is not null)
            await registry.DisposeAsync();
        cluster?.Dispose();
        await Task.Yield();
        try { if (Directory.Exists(stateDir)) Directory.Delete(stateDir, recursive: true); }
        catch (IOException) { }
    }
}
