using Microsoft.Extensions.Time.Testing;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Embedded.SchemaRegistry;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Topologies.MasterData;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Topologies.Tests.DeadLetters;
using StreamFinance.Topologies.Tests.Support;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Mock;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.Stream;
using StreamFinance.Domain.MasterData;
using StreamFinance.Kafka;
using StreamFinance.Rules.Lookups;

namespace StreamFinance.Topologies.Tests.MasterData;

/// <summary>
/// The master-data topology in a <see cref="TopologyTestDriver"/> with an in-memory schema registry, a fixed clock
/// (<see cref="Today"/>) and its own RocksDB state folder; readers for every output topic.
/// </summary>
internal sealed class MasterDataDriver : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 4, 15, 9, 0, 0, TimeSpan.Zero);

    private readonly TopologyHarness harness;
    private readonly TestInputTopic<string, MasterDataUpdate> updates;
    private readonly TestInputTopic<string, string> suppliersAll;

    public MasterDataDriver(MasterDataOptions? options = null)
    {
        harness = new TopologyHarness(new MasterDataTopology(), serDes => new TopologyContext(serDes, new FakeTimeProvider(Now))
        {
            MasterData = options ?? MasterDataOptions.Default(),
        });
        updates = harness.Input(Topics.MasterDataUpdates);
        suppliersAll = harness.RepartitionInput(MasterDataNames.SuppliersAll);
        History = harness.Output(Topics.MasterDataHistory);
        DeadLetters = harness.Output(Topics.MasterDataDeadLetters);
        CostCenters = harness.Output(Topics.CostCenters);
        FxRates = harness.Output(Topics.FxRates);
        Suppliers = harness.Output(Topics.Suppliers);
        Duplicates = harness.Output(Topics.SupplierDuplicates);
        ExpenseCategories = harness.Output(Topics.ExpenseCategories);
        ItemCategories = harness.Output(Topics.ItemCategories);
    }

    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public TopologyContext Context => harness.Context;

    public Topology Topology => harness.Topology;

    public TestOutputTopic<string, MasterDataHistory> History { get; }

    public TestOutputTopic<string, DeadLetter> DeadLetters { get; }

    public TestOutputTopic<string, CostCenter> CostCenters { get; }

    public TestOutputTopic<string, ExchangeRate> FxRates { get; }

    public TestOutputTopic<string, Supplier> Suppliers { get; }

    public TestOutputTopic<string, SupplierDuplicateCandidate> Duplicates { get; }

    public TestOutputTopic<string, ExpenseCategory> ExpenseCategories { get; }

    public TestOutputTopic<string, ItemCategory> ItemCategories { get; }

    /// <summary>Pipes <paramref name="update"/> keyed <c>TYPE:businessKey</c> (or with <paramref name="key"/>).</summary>
    public void Send(MasterDataUpdate update, string? key = null) =>
        updates.PipeInput(key ?? MasterDataKeys.For(update.objectType, update.businessKey), update);

    /// <summary>A record without value (a tombstone) on the suppliers-all repartition topic.</summary>
    public void SendSuppliersAllTombstone() => suppliersAll.PipeInput(MasterDataNames.SupplierPartitionKey, null!);

    public IReadOnlyKeyValueStore<string, MasterDataHistory> HistoryStore => harness.Store<MasterDataHistory>(MasterDataNames.HistoryStore);

    /// <summary>The latest record per key of <paramref name="topic"/> read so far, as a compacted topic would keep them (tombstones remove the key).</summary>
    public static Dictionary<string, T> Compacted<T>(TestOutputTopic<string, T> topic) => TopologyHarness.Compacted(topic);

    public void Dispose() => harness.Dispose();
}
