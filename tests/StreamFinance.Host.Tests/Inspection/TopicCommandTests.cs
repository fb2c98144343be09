using System.Text.Json;
using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Embedded.Broker;
using StreamFinance.Embedded.SchemaRegistry;
using StreamFinance.Host.Tests.Cli;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Host.Tests.Inspection;

/// <summary><c>topic dump|tail</c>: any catalog topic read as JSON or CSV through the registry, on the embedded stack.</summary>
public sealed class TopicCommandTests : IAsyncLifetime
{
    private static readonly DateTime March31 = new(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc);
    private readonly EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.Start();
    private EmbeddedSchemaRegistry registry = null!;

    private string[] Addresses => ["--bootstrap-servers", cluster.BootstrapServers, "--schema-registry", registry.Url];

    public async ValueTask InitializeAsync()
    {
        registry = await EmbeddedSchemaRegistry.StartAsync(0, ct: TestContext.Current.CancellationToken);
        cluster.CreateTopic(Topics.CostCenters.Name, Topics.CostCenters.Partitions);
    }

    public async ValueTask DisposeAsync()
    {
        await registry.DisposeAsync();
        cluster.Dispose();
    }

    [Fact]
    public async Task Dump_prints_every_record_written_in_transactions_as_json_lines_and_counts_records_not_offsets()
    {
        // Two transactions: each partition they touch ends with a commit marker that takes an offset.
        await WriteInTransactionsAsync([[CostCenter("CC-1000", "Marketing, EMEA"), CostCenter("CC-1042", "R&D")], [CostCenter("CC-2000", "Sales \"West\"")]]);
        await WriteRawAsync("CC-BAD", [0, 0, 0, 0, 99, 1, 2, 3]);

        var dump = await CliRunner.RunAsync(["topic", "dump", "md.cost-centers", .. Addresses]);

        Assert.True(dump.ExitCode == 0, dump.Error);
        var records = dump.Output.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["CC-1000", "CC-1042", "CC-2000", "CC-BAD"], records.Select(r => r.GetProperty("key").GetString()).Order());
        var rd = records.Single(r => r.GetProperty("key").GetString() == "CC-1042");
        Assert.Equal("md.cost-centers", rd.GetProperty("topic").GetString());
        Assert.Equal("R&D", rd.GetProperty("value").GetProperty("name").GetString());
        Assert.StartsWith("2024-01-01", rd.GetProperty("value").GetProperty("validFrom").GetString());
        var bad = records.Single(r => r.GetProperty("key").GetString() == "CC-BAD");
        Assert.Equal(JsonValueKind.Null, bad.GetProperty("value").ValueKind);
        Assert.StartsWith("not a CostCenter record: ", bad.GetProperty("error").GetString());
        Assert.Equal(Convert.ToBase64String([0, 0, 0, 0, 99, 1, 2, 3]), bad.GetProperty("rawValue").GetString());
        Assert.Equal("streamfinance: 4 record(s) of md.cost-centers, 1 of them not decodable (see their error and rawValue).", dump.Error.Trim());
    }

    [Fact]
    public async Task Dump_as_csv_has_a_column_per_value_field_nested_records_flattened_and_text_quoted()
    {
        await WriteInTransactionsAsync([[CostCenter("CC-1000", "Marketing, EMEA"), CostCenter("CC-2000", "Sales \"West\"")]]);

        var dump = await CliRunner.RunAsync(["topic", "dump", "md.cost-centers", "--format", "csv", .. Addresses]);

        Assert.True(dump.ExitCode == 0, dump.Error);
        var lines = dump.Output.TrimEnd().Split(["\r\n", "\n"], StringSplitOptions.None);
        Assert.Equal(3, lines.Length);
        var header = lines[0].Split(',');
        Assert.Equal(["partition", "offset", "timestamp", "key"], header[..4]);
        Assert.Contains("envelope.sourceSystem", header);
        Assert.Contains("costCenterId", header);
        Assert.Equal("error", header[^1]);
        Assert.Contains(lines, l => l.Contains(",\"Marketing, EMEA\",", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",\"Sales \"\"West\"\"\",", StringComparison.Ordinal));
        Assert.All(lines[1..], l => Assert.Contains(",sap-s4,", l));
    }

    [Fact]
    public async Task Tail_from_the_beginning_stops_at_max_and_tail_from_the_end_prints_only_what_arrives_after_it_started()
    {
        await WriteInTransactionsAsync([[CostCenter("CC-1000", "One"), CostCenter("CC-1042", "Two"), CostCenter("CC-2000", "Three")]]);

        var first = await CliRunner.RunAsync(["topic", "tail", "md.cost-centers", "--from-beginning", "--max", "2", .. Addresses]);
        var fromEnd = CliRunner.RunAsync(["topic", "tail", "md.cost-centers", "--max", "1", .. Addresses]);
        // The tail starts at the end it finds; keep writing a new record until it has seen one.
        for (var i = 0; !fromEnd.IsCompleted && i < 60; i++)
        {
            await WriteInTransactionsAsync([[CostCenter("CC-NEW", "New")]]);
            await Task.WhenAny(fromEnd, Task.Delay(500, TestContext.Current.CancellationToken));
        }
        var later = await fromEnd;

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(2, first.Output.Trim().Split('\n').Length);
        Assert.Equal("streamfinance: 2 record(s) of md.cost-centers.", first.Error.Trim());
        Assert.Equal("CC-NEW", JsonDocument.Parse(later.Output.Trim()).RootElement.GetProperty("key").GetString());
    }

    [Fact]
    public async Task A_topic_outside_the_catalog_is_refused_with_exit_2_naming_the_catalog()
    {
        var result = await CliRunner.RunAsync("topic", "dump", "no.such-topic");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'no.such-topic' is not a catalog topic", result.Error);
        Assert.Contains("erp.journal-postings", result.Error);
    }

    private async Task WriteInTransactionsAsync(IReadOnlyList<CostCenter[]> transactions)
    {
        var serDes = new SerDesFactory(SchemaRegistryClients.For(registry.Url)).Avro<CostCenter>();
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            TransactionalId = $"topic-command-{Guid.NewGuid():N}",
        }).Build();
        producer.InitTransactions(TimeSpan.FromSeconds(30));
        foreach (var transaction in transactions)
        {
            producer.BeginTransaction();
            foreach (var costCenter in transaction)
            {
                var bytes = serDes.Serialize(costCenter, new SerializationContext(MessageComponentType.Value, Topics.CostCenters.Name));
                await producer.ProduceAsync(Topics.CostCenters.Name, new Message<string, byte[]> { Key = costCenter.costCenterId, Value = bytes }, TestContext.Current.CancellationToken);
            }
            producer.CommitTransaction(TimeSpan.FromSeconds(30));
        }
    }

    private async Task WriteRawAsync(string key, byte[] value)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build();
        await producer.ProduceAsync(Topics.CostCenters.Name, new Message<string, byte[]> { Key = key, Value = value }, TestContext.Current.CancellationToken);
    }

    private static CostCenter CostCenter(string id, string name) => new()
    {
        envelope = new Envelope
        {
            eventId = Guid.NewGuid(), correlationId = $"sap-s4:{id}", sourceSystem = "sap-s4", sourceId = id,
            eventTime = March31, ingestTime = March31, idempotencyKey = $"sap-s4:{id}:{name}",
        },
        costCenterId = id, name = name, legalEntityId = "US01", status = CostCenterStatus.ACTIVE,
        validFrom = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), ownerEmployeeId = "E-1", effectiveFrom = March31,
    };
}
