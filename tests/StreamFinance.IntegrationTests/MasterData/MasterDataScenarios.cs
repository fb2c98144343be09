using Avro.Specific;
using Confluent.Kafka;
using StreamFinance.Connectors.Generator;
using StreamFinance.Connectors.Producing;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.IntegrationTests.DeadLetters;
using StreamFinance.IntegrationTests.Stacks;
using StreamFinance.IntegrationTests.Support;
using StreamFinance.TestSupport.Kafka;
using StreamFinance.TestSupport.Waiting;
using StreamFinance.Topologies;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Hosting;
using StreamFinance.Kafka.Internal;
using StreamFinance.Topologies.MasterData;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net;

namespace StreamFinance.IntegrationTests.MasterData;

/// <summary>
/// The demo's master data through the master-data topology running as a real <see cref="KafkaStream"/> (configured by
/// <see cref="StreamConfigFactory"/> as the host does), written once and run against every <see cref="IKafkaStack"/>.
/// The topology writes the catalog's fixed topic names, so each stack (one per test class) runs this scenario once.
/// </summary>
public abstract class MasterDataScenarios(KafkaStackFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly UniqueNames names = new();

    [Fact]
    public async Task The_demo_master_data_yields_canonical_topics_a_merged_golden_supplier_and_exactly_the_two_deliberate_dead_letters()
    {
        var stack = fixture.Stack;
        var ct = TestContext.Current.CancellationToken;
        using var run = await HostedTopologyRun.PrepareAsync(stack, new MasterDataTopology(), names.For("it"));
        var (kafka, serDes) = (run.Kafka, run.SerDes);

        var generator = new SampleDataGenerator(7);
        using (var producer = new CanonicalRecordProducer(kafka, serDes, "md-scenario"))
            foreach (var record in generator.MasterData())
                await producer.ProduceAsync(record.Topic, record.Key, record.Value, ct);

        using var app = await run.StartAsync(ct);

        var suppliers = WaitFor(Topics.Suppliers, serDes, app,
            golden => golden.TryGetValue(generator.World.DuplicateSupplier, out var s) && s?.sourceReferences.Count == 2);
        var merged = suppliers[generator.World.DuplicateSupplier]!;
        Assert.Equal([("coupa", generator.World.ProcurementDuplicateId), ("sap-s4", generator.World.DuplicateSupplier)],
            merged.sourceReferences.Select(r => (r.sourceSystem, r.sourceId)));
        Assert.Null(suppliers.GetValueOrDefault($"coupa:{generator.World.ProcurementDuplicateId}"));

        var deadLetters = WaitFor(Topics.MasterDataDeadLetters, serDes, app, letters => letters.Count >= 2);
        Assert.Equal(["INVALID_FX_RATE", "OWNERSHIP_VIOLATION"], deadLetters.Values.Select(d => d!.reasonCode).Order());
        Assert.All(deadLetters.Values, d => Assert.Equal(OwnerRole.INTEGRATION_SUPPORT, d!.ownerRole));

        var costCenters = WaitFor(Topics.CostCenters, serDes, app, centers => centers.Count == generator.World.CostCenters.Count);
        Assert.Equal(CostCenterStatus.INACTIVE, costCenters[generator.World.InactiveCostCenter]!.status);
        var duplicates = WaitFor(Topics.SupplierDuplicates, serDes, app, pairs => pairs.Count >= 1);
        Assert.Equal(DuplicateCandidateStatus.MERGED, Assert.Single(duplicates.Values)!.status);
    }


    /// <summary>
    /// Reads <paramref name="topic"/> as a table (latest value per key, a tombstone as null) until <paramref name="done"/>
    /// holds; fails with what it saw when <see cref="Patience"/> runs out or the application stops.
    /// </summary>
    private Dictionary<string, T?> WaitFor<T>(Topic<string, T> topic, SerDesFactory serDes, RunningStreamsApp app, Func<Dictionary<string, T?>, bool> done)
        where T : class, ISpecificRecord
    {
        var values = serDes.Avro<T>();
        return Wait.Until($"'{topic.Name}' to reach the expected content", Patience,
            () =>
            {
                var table = new Dictionary<string, T?>(StringComparer.Ordinal);
                foreach (var record in TopicReader.ReadAll(fixture.Stack.BootstrapServers, topic.Name, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken))
                    table[System.Text.Encoding.UTF8.GetString(record.Message.Key)] = record.Message.Value is null
                        ? null
                        : values.Deserialize(record.Message.Value, new SerializationContext(MessageComponentType.Value, topic.Name));
                return table;
            },
            done, table => $"{table.Count} key(s) [{string.Join(", ", table.Keys.Take(30))}]", TimeSpan.FromMilliseconds(500), () => app.Failure);
    }
}
