using Confluent.Kafka;
using StreamFinance.Connectors.Producing;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Embedded.Broker;
using StreamFinance.Embedded.SchemaRegistry;
using StreamFinance.Host.Tests.Cli;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Host.Tests.Inspection;

public class MasterDataCommandTests
{
    private static CostCenter CostCenter(string id, CostCenterStatus status) => new()
    {
        envelope = new Envelope
        {
            eventId = Guid.NewGuid(), correlationId = $"sap-s4:{id}", sourceSystem = "sap-s4", sourceId = id,
            eventTime = new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc), ingestTime = new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc),
            idempotencyKey = $"sap-s4:{id}:{status}",
        },
        costCenterId = id, name = $"Cost center {id}", legalEntityId = "US01", status = status,
        validFrom = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), ownerEmployeeId = "E-1",
        effectiveFrom = new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc),
    };

    [Fact]
    public async Task Dump_shows_the_latest_value_per_key_and_get_prints_one_key_as_json()
    {
        var ct = TestContext.Current.CancellationToken;
        using var cluster = EmbeddedKafkaCluster.Start();
        await using var registry = await EmbeddedSchemaRegistry.StartAsync(0, ct: ct);
        cluster.CreateTopic(Topics.CostCenters.Name, Topics.CostCenters.Partitions);
        var kafka = new KafkaOptions { BootstrapServers = cluster.BootstrapServers };
        using (var producer = new CanonicalRecordProducer(kafka, new SerDesFactory(SchemaRegistryClients.For(registry.Url)), "test"))
        {
            await producer.ProduceAsync(Topics.CostCenters, "CC-1000", CostCenter("CC-1000", CostCenterStatus.ACTIVE), ct);
            await producer.ProduceAsync(Topics.CostCenters, "CC-1042", CostCenter("CC-1042", CostCenterStatus.ACTIVE), ct);
            await producer.ProduceAsync(Topics.CostCenters, "CC-1042", CostCenter("CC-1042", CostCenterStatus.INACTIVE), ct);
        }
        using (var raw = new ProducerBuilder<string, byte[]?>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build())
        {
            await raw.ProduceAsync(Topics.CostCenters.Name, new Message<string, byte[]?> { Key = "CC-9999", Value = null }, ct); // tombstone of a key never seen
        }
        string[] addresses = ["--bootstrap-servers", cluster.BootstrapServers, "--schema-registry", registry.Url];

        var dump = await CliRunner.RunAsync(["md", "dump", "md.cost-centers", .. addresses]);
        var get = await CliRunner.RunAsync(["md", "get", "md.cost-centers", "CC-1042", .. addresses]);
        var missing = await CliRunner.RunAsync(["md", "get", "md.cost-centers", "CC-0000", .. addresses]);

        Assert.True(dump.ExitCode == 0, dump.Error);
        var lines = dump.Output.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("{\"key\":\"CC-1000\"", lines[0]);
        Assert.Contains("\"status\":\"INACTIVE\"", lines[1]);
        Assert.Equal(0, get.ExitCode);
        Assert.Contains("\"costCenterId\": \"CC-1042\"", get.Output);
        Assert.Contains("\"status\": \"INACTIVE\"", get.Output);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("CC-0000", missing.Error);
    }

    [Fact]
    public async Task Non_master_data_topic_is_refused_with_the_list_of_valid_ones()
    {
        var result = await CliRunner.RunAsync("md", "dump", "ingest.expenses");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("md.cost-centers", result.Error);
    }
}
