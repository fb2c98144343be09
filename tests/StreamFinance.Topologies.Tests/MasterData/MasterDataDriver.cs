using StreamFinance.Contracts;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Embedded.SchemaRegistry;
using StreamFinance.Topologies.Configuration;
using StreamFinance.Topologies.MasterData;
using StreamFinance.Topologies.SerDes;
using StreamFinance.Topologies.Tests.DeadLetters;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Mock;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.Stream;

namespace StreamFinance.Topologies.Tests.MasterData;

/// <summary>
/// The master-data topology in a <see cref="TopologyTestDriver"/> with an in-memory schema registry, a fixed clock
/// (<see cref="Today"/>) and its own RocksDB state folder; readers for every output topic.
/// </summary>
internal sealed class MasterDataDriver : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 4, 15, 9, 0, 0, TimeSpan.Zero);

    private readonly string stateDir = Path.Combine(Path.GetTempPath(), "md-topology-test-" + Guid.NewGuid().ToString("N"));
    private readonly TopologyTestDriver driver;
    private readonly TestInputTopic<string, MasterDataUpdate> updates;

    public MasterDataDriver(MasterDataOptions? options = null)
    {
        Context = new TopologyContext(new SerDesFactory(new InMemorySchemaRegistryClient()), new FixedClock(Now))
        {
            MasterData = options ?? MasterDataOptions.Default(),
        };
        var builder = new StreamBuilder();
        new MasterDataTopology().Build(builder, Context);
        Topology = builder.Build();
        var config = new StreamConfig<StringSerDes, StringSerDes> { ApplicationId = "md-topology-test", StateDir = stateDir };
        driver = new TopologyTestDriver(Topology, config);
        updates = driver.CreateInputTopic(Topics.MasterDataUpdates.Name, SerDesFactory.Key(), Context.SerDes.Avro<MasterDataUpdate>());
        History = Output(Topics.MasterDataHistory);
        DeadLetters = Output(Topics.MasterDataDeadLetters);
        CostCenters = Output(Topics.CostCenters);
        FxRates = Output(Topics.FxRates);
        Suppliers = Output(Topics.Suppliers);
        Duplicates = Output(Topics.SupplierDuplicates);
    }

    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public TopologyContext Context { get; }

    public Topology Topology { get; }

    public TestOutputTopic<string, MasterDataHistory> History { get; }

    public TestOutputTopic<string, DeadLetter> DeadLetters { get; }

    public TestOutputTopic<string, CostCenter> CostCenters { get; }

    public TestOutputTopic<string, ExchangeRate> FxRates { get; }

    public TestOutputTopic<string, Supplier> Suppliers { get; }

    public TestOutputTopic<string, SupplierDuplicateCandidate> Duplicates { get; }

    /// <summary>Pipes <paramref name="update"/> keyed <c>TYPE:businessKey</c> (or with <paramref name="key"/>).</summary>
    public void Send(MasterDataUpdate update, string? key = null) =>
        updates.PipeInput(key ?? MasterDataKeys.For(update.objectType, update.businessKey), update);

    public IReadOnlyKeyValueStore<string, MasterDataHistory> HistoryStore =>
        driver.GetKeyValueStore<string, MasterDataHistory>(MasterDataNames.HistoryStore);

    /// <summary>The latest record per key of <paramref name="topic"/> read so far, as a compacted topic would keep them (tombstones remove the key).</summary>
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

    private TestOutputTopic<string, T> Output<T>(Topic<string, T> topic) where T : class, Avro.Specific.ISpecificRecord =>
        driver.CreateOutputTopic(topic.Name, TimeSpan.FromSeconds(1), SerDesFactory.Key(), Context.SerDes.Avro<T>());
}
