using Confluent.Kafka;
using StreamFinance.TestSupport.Files;
using StreamFinance.TestSupport.Kafka;
using StreamFinance.TestSupport.Waiting;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.SerDes;
using StreamFinance.IntegrationTests.Stacks;
using StreamFinance.IntegrationTests.Support;
using StreamFinance.Kafka.Internal;

namespace StreamFinance.IntegrationTests.Scenarios;

/// <summary>
/// Integration scenarios written once and run against every <see cref="IKafkaStack"/>. Each test uses
/// its own topics, consumer groups, application id and state directory.
/// </summary>
public abstract class KafkaStackScenarios(KafkaStackFixture fixture)
{
    /// <summary>How long any one wait may take before the test fails with what it saw.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly UniqueNames names = new();

    [Fact(Timeout = 120_000)] // backstop only
    public async Task Records_from_an_idempotent_producer_reach_a_consumer_group_that_commits_them()
    {
        var ct = TestContext.Current.CancellationToken;
        var stack = fixture.Stack;
        var topic = names.For("round-trip");
        await stack.CreateTopicsAsync([(topic, 3)]);
        var sent = Enumerable.Range(0, 30).ToDictionary(i => $"expense-{i}", i => $"amount-{i}");

        using (var producer = new ProducerBuilder<string, string>(new ProducerConfig
               {
                   BootstrapServers = stack.BootstrapServers,
                   EnableIdempotence = true,
                   Acks = Acks.All,
               }).Build())
        {
            foreach (var (key, value) in sent)
            {
                producer.Produce(topic, new Message<string, string> { Key = key, Value = value });
            }

            Assert.Equal(0, producer.Flush(Patience));
        }

        var groupId = names.For("round-trip-readers");
        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig
        {
            BootstrapServers = stack.BootstrapServers,
            GroupId = groupId,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        }).Build();
        consumer.Subscribe(topic);
        var received = new Dictionary<string, string>();
        Wait.UntilNoneMissing($"[{stack.Kind}] group '{groupId}' to receive {sent.Count} records", Patience,
            () =>
            {
                if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } record)
                {
                    received[record.Message.Key] = record.Message.Value;
                }

                return received.Count;
            },
            count => count < sent.Count ? $"{sent.Count - count} of {sent.Count} records" : null,
            interval: TimeSpan.Zero);

        consumer.Commit();
        var committed = consumer.Committed(TimeSpan.FromSeconds(10));
        consumer.Close();

        Assert.Equal(sent, received);
        Assert.Equal(sent.Count, committed.Sum(c => c.Offset.Value));
    }

    [Fact(Timeout = 180_000)] // backstop only: every wait below fails on its own within Patience
    public async Task A_streamiz_count_through_a_repartition_and_a_changelog_emits_exact_counts_per_employee()
    {
        var ct = TestContext.Current.CancellationToken;
        var stack = fixture.Stack;
        var expensesTopic = names.For("expenses");
        var countsTopic = names.For("expense-counts");
        var applicationId = names.For("expense-count-app");
        var topology = ExpenseCountTopology.Build(expensesTopic, countsTopic);
        var sourcePartitions = new Dictionary<string, int> { [expensesTopic] = 3 };
        var internalTopics = InternalTopics.For(topology, applicationId, topic => sourcePartitions[topic]);
        await stack.CreateTopicsAsync(
            sourcePartitions.Select(t => (t.Key, t.Value))
                .Append((countsTopic, 2))
                .Concat(internalTopics.Select(t => (t.Name, t.Partitions))));

        var expected = new Dictionary<string, long> { ["emp-ana"] = 4, ["emp-bo"] = 1, ["emp-cy"] = 7, ["emp-dee"] = 2 };
        await ProduceExpensesAsync(stack, expensesTopic, expected, ct);

        using var stateDir = new TempDirectory(applicationId);
        var config = new StreamConfig<StringSerDes, StringSerDes>
        {
            ApplicationId = applicationId,
            BootstrapServers = stack.BootstrapServers,
            StateDir = stateDir.Path,
            Guarantee = ProcessingGuarantee.AT_LEAST_ONCE,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            // Every topic exists already; Streamiz must find them, never have them auto-created.
            AllowAutoCreateTopics = false,
            CommitIntervalMs = 200,
        };
        using var app = await RunningStreamsApp.StartAsync(topology, config, Patience, ct);

        var counts = TopicReader.ReadUntil(
            stack.BootstrapServers,
            countsTopic,
            records => expected.All(e => LatestValue(records, e.Key) == e.Value.ToString()),
            Patience,
            ct,
            () => app.Failure);

        var countsPerEmployee = counts.GroupBy(r => r.Message.Key).ToDictionary(g => g.Key, g => g.Select(r => long.Parse(r.Message.Value)).ToList());
        Assert.Equal(expected.Keys.Order(), countsPerEmployee.Keys.Order());
        // No cache and no failure: each expense yields the next count, exactly once.
        Assert.All(expected, e => Assert.Equal(Enumerable.Range(1, (int)e.Value).Select(n => (long)n), countsPerEmployee[e.Key]));

        var changelog = internalTopics.Single(t => t.Kind == InternalTopic.ChangelogKind).Name;
        var changelogRecords = TopicReader.ReadUntil(
            stack.BootstrapServers,
            changelog,
            records => expected.Keys.All(employee => records.Any(r => r.Message.Key == employee)),
            Patience,
            ct);
        Assert.Equal(expected.Keys.Order(), changelogRecords.Select(r => r.Message.Key).Distinct().Order());
    }

    private static async Task ProduceExpensesAsync(IKafkaStack stack, string topic, IReadOnlyDictionary<string, long> expensesPerEmployee, CancellationToken ct)
    {
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig
        {
            BootstrapServers = stack.BootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
        }).Build();
        var expenseNumber = 0;
        foreach (var (employee, count) in expensesPerEmployee)
        {
            for (var i = 0; i < count; i++)
            {
                var message = new Message<string, string> { Key = $"exp-{expenseNumber++}", Value = $"{employee}|{10 + i}.50" };
                await producer.ProduceAsync(topic, message, ct);
            }
        }
    }

    private static string? LatestValue(IReadOnlyList<ConsumeResult<string, string>> records, string key) =>
        records.LastOrDefault(r => r.Message.Key == key)?.Message.Value;
}
