using System.Text;
using StreamFinance.Connectors.FileDrop;
using StreamFinance.Connectors.Offsets;
using StreamFinance.Connectors.Producing;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.IntegrationTests.DeadLetters;
using StreamFinance.IntegrationTests.Stacks;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.SerDes;
using StreamFinance.TestSupport.Kafka;

namespace StreamFinance.IntegrationTests.Connectors;

/// <summary>
/// The file-drop connector against a real broker, written once and run against every <see cref="IKafkaStack"/>: a
/// connector killed mid-file and restarted (offsets read back from <c>_streamfinance.connector-offsets</c>) loses no
/// line and re-sends only with the same idempotency keys. The connector reads with the real CSV format and a real
/// mapping profile (<see cref="ItExpenseProfile"/>).
/// </summary>
public abstract class ConnectorScenarios(KafkaStackFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_file_drop_connector_killed_mid_file_and_restarted_loses_no_line_and_re_sends_with_the_same_idempotency_keys()
    {
        var ct = TestContext.Current.CancellationToken;
        var stack = fixture.Stack;
        await stack.CreateTopicsAsync([(Topics.Expenses.Name, Topics.Expenses.Partitions), (Topics.IngestDeadLetters.Name, Topics.IngestDeadLetters.Partitions),
            (Topics.ConnectorOffsets.Name, Topics.ConnectorOffsets.Partitions), (Topics.AuditEmitted.Name, Topics.AuditEmitted.Partitions)]);
        var kafka = new KafkaOptions { BootstrapServers = stack.BootstrapServers, ClientIdPrefix = "it-connectors" };
        var serDes = new SerDesFactory(SchemaRegistryClients.For(stack.SchemaRegistryUrl));
        var run = Guid.NewGuid().ToString("N")[..8];
        var inbox = Directory.CreateTempSubdirectory("sf-it-inbox-").FullName;
        const int rows = 2000;
        // Every 250th amount is not a number (MAPPING_FAILED); every 333rd row lacks its amount column (PARSE_FAILED).
        var csv = "id,amount\n" + string.Concat(Enumerable.Range(1, rows).Select(i => i % 333 == 0 ? $"{run}-{i}\n" : $"{run}-{i},{(i % 250 == 0 ? "oops" : "4.20")}\n"));
        var (mapper, format) = ItExpenseProfile.Load();
        File.WriteAllText(Path.Combine(inbox, "expenses.csv"), csv);
        var connectorName = $"it-files-{run}";

        // First life: Kafka acknowledges 700 records, then the producer dies with the rest unanswered.
        using (var deadLetters = new DeadLetterPublisher(kafka, serDes))
        using (var offsets = new KafkaConnectorOffsetStore(kafka, serDes))
        using (var sink = new StallingSink(new KafkaRecordSink(new CanonicalRecordProducer(kafka, serDes, "it-first-life")), passThrough: 700))
        using (var kill = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            var connector = new FileDropConnector(new ConnectorContext(connectorName, sink, deadLetters, offsets), Options(inbox), mapper, format);
            var scan = connector.ScanOnceAsync(kill.Token);
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            kill.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scan);
        }

        Assert.True(File.Exists(Path.Combine(inbox, "expenses.csv")), "the unfinished file stays in the inbox");

        // Second life: new clients; the offsets are read back from the broker.
        using (var deadLetters = new DeadLetterPublisher(kafka, serDes))
        using (var offsets = new KafkaConnectorOffsetStore(kafka, serDes))
        using (var sink = new KafkaRecordSink(new CanonicalRecordProducer(kafka, serDes, "it-second-life")))
        {
            var committed = (await offsets.LoadAsync(connectorName, ct))["expenses.csv"];
            Assert.InRange(committed.line, 2, 701 + rows / 250 + rows / 333);
            var connector = new FileDropConnector(new ConnectorContext(connectorName, sink, deadLetters, offsets), Options(inbox), mapper, format);
            var result = Assert.Single(await connector.ScanOnceAsync(ct));
            Assert.True(result.IsBalanced, result.ToString());
            Assert.True((await offsets.LoadAsync(connectorName, ct))["expenses.csv"].completed);
        }

        var written = TopicReader.ReadAll(stack.BootstrapServers, Topics.Expenses.Name, Patience, ct)
            .Where(r => Encoding.UTF8.GetString(r.Message.Key).StartsWith(run + "-", StringComparison.Ordinal))
            .ToList();
        var expected = Enumerable.Range(1, rows).Where(i => i % 250 != 0 && i % 333 != 0).Select(i => $"{run}-{i}").ToHashSet();
        Assert.Equal(expected, written.Select(r => Encoding.UTF8.GetString(r.Message.Key)).ToHashSet());
        Assert.All(written.GroupBy(r => Encoding.UTF8.GetString(r.Message.Key)), sends =>
            Assert.Single(sends.Select(r => DeadLetterHeaders.Read(r.Message.Headers, RecordHeaders.IdempotencyKey)).Distinct()));
        Assert.All(written, r => Assert.Equal($"it-vendor:ingest.expenses:{Encoding.UTF8.GetString(r.Message.Key)}", DeadLetterHeaders.Read(r.Message.Headers, RecordHeaders.IdempotencyKey)));

        var deserializer = serDes.Avro<DeadLetter>();
        var letters = TopicReader.ReadAll(stack.BootstrapServers, Topics.IngestDeadLetters.Name, Patience, ct)
            .Select(r => deserializer.Deserialize(r.Message.Value, new Confluent.Kafka.SerializationContext(Confluent.Kafka.MessageComponentType.Value, Topics.IngestDeadLetters.Name)))
            .Where(d => d.processor == $"connector.{connectorName}")
            .ToList();
        Assert.Equal(Enumerable.Range(1, rows / 250).Select(i => (long)i * 250 + 1).ToHashSet(),
            letters.Where(d => d.reasonCode == ReasonCode.MappingFailed.Code).Select(d => d.originLine!.Value).ToHashSet());
        Assert.Equal(Enumerable.Range(1, rows / 333).Select(i => (long)i * 333 + 1).ToHashSet(),
            letters.Where(d => d.reasonCode == ReasonCode.ParseFailed.Code).Select(d => d.originLine!.Value).ToHashSet());
        Assert.All(letters, d => Assert.Equal((ItExpenseProfile.ProfileId, "expenses.csv"), (d.mappingProfile, d.originFile)));
        Directory.Delete(inbox, recursive: true);
    }

    private static FileDropOptions Options(string inbox) => new() { Inbox = inbox, SettleMs = 0 };
}
