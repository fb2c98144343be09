using Avro.Specific;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Embedded.SchemaRegistry;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Mock;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.Stream;
using StreamFinance.Kafka;

namespace StreamFinance.Topologies.Tests.Support;

/// <summary>
/// Any <see cref="IStreamTopology"/> in a <see cref="TopologyTestDriver"/>: built through the same <c>Build</c> the host
/// calls, with an in-memory schema registry (also reachable by Streamiz-created SerDes through its own
/// <c>inmemory://</c> URL), a given <see cref="TopologyContext"/> or a default one, and its own RocksDB state folder.
/// Inputs and outputs are typed by the catalog, so a test cannot write a topic name or a SerDes wrongly.
/// </summary>
internal sealed class TopologyHarness : IDisposable
{
    private readonly string stateDir = Path.Combine(Path.GetTempPath(), "topology-test-" + Guid.NewGuid().ToString("N"));
    private readonly TopologyTestDriver driver;
    private readonly string applicationId;

    /// <param name="topology">The topology under test.</param>
    /// <param name="context">Its context, from the harness's SerDes; default a plain one.</param>
    /// <param name="configure">Changes to the stream configuration, e.g. exception handlers.</param>
    public TopologyHarness(IStreamTopology topology, Func<SerDesFactory, TopologyContext>? context = null, Action<StreamConfig>? configure = null)
    {
        applicationId = ApplicationId(topology);
        var registryUrl = $"inmemory://{topology.Name}-{Guid.NewGuid():N}";
        var registry = new InMemorySchemaRegistryClient();
        SchemaRegistryClients.Register(registryUrl, registry);
        var serDes = new SerDesFactory(registry);
        Context = context?.Invoke(serDes) ?? new TopologyContext(serDes);
        var builder = new StreamBuilder();
        topology.Build(builder, Context);
        Topology = builder.Build();
        var config = new StreamConfig<StringSerDes, StringSerDes>
        {
            ApplicationId = applicationId,
            StateDir = stateDir,
            SchemaRegistryUrl = registryUrl,
        };
        configure?.Invoke(config);
        driver = new TopologyTestDriver(Topology, config);
    }

    public TopologyContext Context { get; }

    public Topology Topology { get; }

    /// <summary>An input topic of the catalog, with its key and value SerDes.</summary>
    public TestInputTopic<string, T> Input<T>(Topic<string, T> topic) where T : class, ISpecificRecord =>
        driver.CreateInputTopic(topic.Name, SerDesFactory.Key(), Context.SerDes.Avro<T>());

    /// <summary>The repartition topic named <paramref name="repartitionName"/> (as in <c>Repartitioned.As</c>) as an input of plain strings.</summary>
    public TestInputTopic<string, string> RepartitionInput(string repartitionName) =>
        driver.CreateInputTopic($"{applicationId}-{repartitionName}-repartition", SerDesFactory.Key(), new StringSerDes());

    /// <summary>The repartition topic named <paramref name="repartitionName"/> as an input of Avro records, as the topology writes them there.</summary>
    public TestInputTopic<string, T> RepartitionInput<T>(string repartitionName) where T : class, ISpecificRecord =>
        driver.CreateInputTopic($"{applicationId}-{repartitionName}-repartition", SerDesFactory.Key(), Context.SerDes.Avro<T>());

    /// <summary>Any topic as an input of raw bytes: what a producer with another serializer, or none, writes.</summary>
    public TestInputTopic<byte[], byte[]> RawInput(string topic) => driver.CreateInputTopic(topic, new ByteArraySerDes(), new ByteArraySerDes());

    /// <summary>An output topic of the catalog, with its key and value SerDes.</summary>
    public TestOutputTopic<string, T> Output<T>(Topic<string, T> topic) where T : class, ISpecificRecord =>
        driver.CreateOutputTopic(topic.Name, TimeSpan.FromSeconds(1), SerDesFactory.Key(), Context.SerDes.Avro<T>());

    /// <summary>Moves the driver's wall clock (processing-time punctuators fire on the next record or at once).</summary>
    public void AdvanceWallClock(TimeSpan by) => driver.AdvanceWallClockTime(by);

    /// <summary>A key-value store of the topology, by its name.</summary>
    public IReadOnlyKeyValueStore<string, T> Store<T>(string name) => driver.GetKeyValueStore<string, T>(name);

    /// <summary>
    /// A key-value store of the topology, by its name, to write as Streamiz's restore does: under the processors, while
    /// their task restores (the test driver itself never restores).
    /// </summary>
    public IKeyValueStore<string, T> RestoringStore<T>(string name) =>
        driver.GetKeyValueStore<string, T>(name) as IKeyValueStore<string, T>
        ?? throw new InvalidOperationException($"Store {name} cannot be written from a test: it is not a plain key-value store.");

    /// <summary>Advances the driver's wall clock, firing the processing-time punctuators that fall due.</summary>
    public void AdvanceWallClockTime(TimeSpan advance) => driver.AdvanceWallClockTime(advance);

    /// <summary>The latest record per key read so far, as a compacted topic keeps them (a tombstone removes the key).</summary>
    public static Dictionary<string, T> Compacted<T>(TestOutputTopic<string, T> topic)
    {
        var table = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var record in topic.ReadKeyValueList())
        {
            if (record.Message.Value is null)
                table.Remove(record.Message.Key);
            else
                table[record.Message.Key] = record.Message.Value;
        }
        return table;
    }

    private static string ApplicationId(IStreamTopology topology) => $"{topology.Name}-test";

    public void Dispose()
    {
        driver.Dispose();
        try
        {
            Directory.Delete(stateDir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
