using StreamFinance.TestSupport.Kafka;
using System.Text;
using Confluent.Kafka;
using StreamFinance.Connectors.Producing;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.IntegrationTests.DeadLetters;
using StreamFinance.IntegrationTests.Expenses;
using StreamFinance.IntegrationTests.Stacks;
using StreamFinance.IntegrationTests.Support;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Topologies.Expenses;
using static StreamFinance.IntegrationTests.Expenses.ExpenseScenarioData;

namespace StreamFinance.IntegrationTests.PoisonPills;

/// <summary>
/// Issue 14, point 4, on the embedded stack: the expense topology (the one with the most inputs: two event topics and the
/// md.history global table) runs as a real Streamiz application with the host's dead-letter handlers; poison pills of
/// every kind are written to each of its inputs (read from its declaration) while it runs. Each is dead-lettered with
/// its raw bytes and the <c>__streams.errors.*</c> headers and counted, the application stays RUNNING, and master data
/// and expense lines written after the pills are processed. The per-topology matrix is PoisonPillTests (TopologyTestDriver).
/// </summary>
public sealed class EmbeddedPoisonPillScenario(EmbeddedKafkaStackFixture fixture) : IClassFixture<EmbeddedKafkaStackFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly UniqueNames names = new();

    [Fact]
    public async Task Poison_pills_on_every_input_are_dead_lettered_and_counted_while_the_threads_stay_running_and_later_records_are_processed()
    {
        var ct = TestContext.Current.CancellationToken;
        var topology = new ExpenseTopology();
        using var run = await HostedTopologyRun.PrepareAsync(fixture.Stack, topology, names.For("it"));
        using var producer = new CanonicalRecordProducer(run.Kafka, run.SerDes, "poison-scenario");
        foreach (var (key, value) in ExpenseScenarioData.MasterData())
            await producer.ProduceAsync(Topics.MasterDataHistory, key, value, ct);
        var countedBefore = run.Metrics.DeadLetters.Count(topology.DeadLetterTopic.Name, ReasonCode.DeserializationFailed);
        using var app = await run.StartAsync(ct);

        using var raw = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = fixture.Stack.BootstrapServers, Acks = Acks.All }).Build();
        var pills = new List<(string Topic, string Key, byte[]? Value)>();
        foreach (var input in topology.Inputs)
            foreach (var (kind, value) in Pills(run.SerDes))
            {
                if (value is null && input.Cleanup == CleanupPolicy.Compact)
                    continue; // a tombstone deletes a key of a table topic: not poison
                var key = $"POISON-{kind}";
                await raw.ProduceAsync(input.Name, new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes(key), Value = value! }, ct);
                pills.Add((input.Name, key, value));
            }

        // After the pills: a cost center only now created, and lines on it and on a known one.
        var late = CostCenter("CC-LATE");
        await producer.ProduceAsync(Topics.MasterDataHistory, late.Key, late.Value, ct);
        await producer.ProduceAsync(Topics.Expenses, "EXP-GOOD", Expense("EXP-GOOD", "CC-1000", "it:EXP-GOOD"), ct);
        await producer.ProduceAsync(Topics.Expenses, "EXP-LATE", Expense("EXP-LATE", "CC-LATE", "it:EXP-LATE"), ct);

        WaitFor(app, () => Read<ApprovedExpense>(run.SerDes, Topics.ApprovedExpenses).Select(a => a.expense.expenseId).ToHashSet() is var ids
                           && ids.Contains("EXP-GOOD") && ids.Contains("EXP-LATE"),
            "EXP-GOOD and EXP-LATE approved");
        var deadLetters = WaitFor(app, () => DeadLetters(run.SerDes) is var all && pills.All(p => all.Any(d => Is(d.DeadLetter, p))) ? all : null,
            $"{pills.Count} poison pills dead-lettered");

        foreach (var pill in pills)
        {
            var matching = deadLetters.Where(d => Is(d.DeadLetter, pill)).ToList();
            Assert.True(matching.Count == 1, $"{pill.Key} on {pill.Topic}: {matching.Count} dead letters: " +
                string.Join(" | ", matching.Select(d => $"{d.DeadLetter.reasonCode} {d.DeadLetter.processor} offset {d.DeadLetter.originOffset}: {d.DeadLetter.message}")));
            var (deadLetter, record) = matching[0];
            Assert.Equal(pill.Value is null ? "SCHEMA_INVALID" : "DESERIALIZATION_FAILED", deadLetter.reasonCode);
            Assert.Equal(OwnerRole.INTEGRATION_SUPPORT, deadLetter.ownerRole);
            if (pill.Value is { Length: > DeadLetterLimits.MaxRawValueBytes })
            {
                Assert.Equal(pill.Value[..DeadLetterLimits.MaxRawValueBytes], deadLetter.rawValue);
                Assert.Equal(pill.Value.LongLength, deadLetter.rawValueLength);
            }
            else
                Assert.Equal(pill.Value, deadLetter.rawValue);
            Assert.Equal(pill.Topic, DeadLetterHeaders.Read(record.Message.Headers, DeadLetterHeaders.Topic));
            Assert.Equal(deadLetter.reasonCode, DeadLetterHeaders.Read(record.Message.Headers, DeadLetterHeaders.Reason));
            Assert.Equal(deadLetter.originOffset.ToString(), DeadLetterHeaders.Read(record.Message.Headers, DeadLetterHeaders.Offset));
        }
        var deserializationPills = pills.Count(p => p.Value is not null);
        Assert.True(run.Metrics.DeadLetters.Count(topology.DeadLetterTopic.Name, ReasonCode.DeserializationFailed) - countedBefore >= deserializationPills,
            $"each of the {deserializationPills} pills the handler dead-lettered is counted in {DeadLetterMetrics.Name}");
        Assert.Equal("RUNNING", app.State);
        Assert.Null(app.Failure);
    }

    private static bool Is(DeadLetter deadLetter, (string Topic, string Key, byte[]? Value) pill) =>
        deadLetter.originTopic == pill.Topic && deadLetter.rawKey is not null && Encoding.UTF8.GetString(deadLetter.rawKey) == pill.Key;

    /// <summary>The pills, as in the TopologyTestDriver matrix; the oversized one stays under Kafka's 1 MB default so the broker takes it.</summary>
    private static IEnumerable<(string Kind, byte[]? Value)> Pills(SerDesFactory serDes)
    {
        var random = new Random(14);
        var noise = new byte[512];
        random.NextBytes(noise);
        noise[0] = 0x7b;
        var oversized = new byte[900_000];
        random.NextBytes(oversized);
        oversized[0] = 0xff;
        var other = DeadLetterFactory.System.Create(new Failure(ReasonCode.SchemaInvalid, "A record of another schema."),
            new FailedRecord(DeadLetterOrigin.FromTopic("elsewhere", 0, 0), null, null), "poison");
        yield return ("random-bytes", noise);
        yield return ("unknown-schema-id", [0, 0x7f, 0xff, 0xfd, 0x78, 0x02, 0x41, 0x42, 0x43]);
        yield return ("another-schema", serDes.Avro<DeadLetter>().Serialize(other, new SerializationContext(MessageComponentType.Value, "poison.another-schema")));
        yield return ("empty", []);
        yield return ("null", null);
        yield return ("oversized", oversized);
    }

    private List<T> Read<T>(SerDesFactory serDes, Topic<string, T> topic) where T : class, Avro.Specific.ISpecificRecord =>
        TopicReader.ReadValues(fixture.Stack.BootstrapServers, topic, serDes, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

    private List<(DeadLetter DeadLetter, ConsumeResult<byte[], byte[]> Record)> DeadLetters(SerDesFactory serDes) =>
        TopicReader.ReadAll(fixture.Stack.BootstrapServers, Topics.ExpenseDeadLetters.Name, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)
            .Select(r => (serDes.Avro<DeadLetter>().Deserialize(r.Message.Value, new SerializationContext(MessageComponentType.Value, r.Topic)), r))
            .ToList();

    private static T WaitFor<T>(RunningStreamsApp app, Func<T?> done, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (done() is { } result && result is not false)
                return result;
            Assert.True(app.Failure is null, $"Stopped waiting for {what}: {app.Failure}");
            Assert.True(DateTime.UtcNow < deadline, $"Not seen within {Patience.TotalSeconds:0} s: {what}.");
            Thread.Sleep(500);
        }
    }

    private static void WaitFor(RunningStreamsApp app, Func<bool> done, string what) => WaitFor<object>(app, () => done() ? true : null, what);
}
