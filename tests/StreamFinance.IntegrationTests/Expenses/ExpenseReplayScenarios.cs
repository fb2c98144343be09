using Confluent.Kafka;
using StreamFinance.Connectors.Producing;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Host.Cli;
using StreamFinance.IntegrationTests.Stacks;
using StreamFinance.IntegrationTests.Support;
using StreamFinance.TestSupport.Kafka;
using StreamFinance.TestSupport.Waiting;
using StreamFinance.Topologies;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Topologies.Audit;
using StreamFinance.Topologies.Expenses;
using StreamFinance.Kafka.Hosting;
using StreamFinance.Kafka.Internal;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net;
using static StreamFinance.IntegrationTests.Expenses.ExpenseScenarioData;

namespace StreamFinance.IntegrationTests.Expenses;

/// <summary>
/// <c>dlq replay</c> against the expense topology running as a real <see cref="KafkaStream"/>: an expense dead-lettered
/// for an inactive cost center is approved once after the cost center is reactivated and the dead letter replayed, and
/// a second replay posts nothing; the audit trace of the expense shows both attempts and the replay. (A cost center that is unknown is not a dead letter at first: the line waits for it,
/// see <see cref="MasterDataRaceScenarios"/>.) The topology uses the catalog's fixed topic names, so each stack runs this once.
/// </summary>
public abstract class ExpenseReplayScenarios(KafkaStackFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly UniqueNames names = new();

    [Fact]
    public async Task A_dead_lettered_expense_replayed_after_the_fix_is_approved_once_and_a_second_replay_posts_nothing()
    {
        var stack = fixture.Stack;
        var ct = TestContext.Current.CancellationToken;
        using var run = await HostedTopologyRun.PrepareAsync(stack, new ExpenseTopology(), names.For("it"));
        var (kafka, serDes) = (run.Kafka, run.SerDes);

        using var producer = new CanonicalRecordProducer(kafka, serDes, "expense-scenario");
        foreach (var (key, value) in ExpenseScenarioData.MasterData().Append(CostCenter("CC-9", CostCenterStatus.INACTIVE)))
            await producer.ProduceAsync(Topics.MasterDataHistory, key, value, ct);

        using var app = await run.StartAsync(ct);

        // 1. Inactive cost center: dead-lettered.
        await producer.ProduceAsync(Topics.Expenses, "EXP-1", Expense("EXP-1", "CC-9", "it:EXP-1:1"), ct);
        var deadLetter = Assert.Single(WaitFor(Topics.ExpenseDeadLetters, serDes, app, letters => letters.Count >= 1));
        Assert.Equal(Topics.Expenses.Name, deadLetter.originTopic);
        Assert.Equal("INACTIVE_COST_CENTER", deadLetter.reasonCode);

        // 2. Fix the master data. The global table takes it in on its own thread, so probe lines on CC-9 (one record key,
        //    so processed in order, each with its own idempotency key) are sent until one is approved.
        await producer.ProduceAsync(Topics.MasterDataHistory, CostCenter("CC-9").Key, CostCenter("CC-9").Value, ct);
        var probes = 0;
        var fixedSeen = false;
        while (!fixedSeen)
        {
            Assert.True(probes < 30, "The cost center fix never reached the expense topology's global table.");
            await producer.ProduceAsync(Topics.Expenses, "PROBE", Expense("PROBE", "CC-9", $"it:PROBE:{++probes}"), ct);
            Thread.Sleep(1000);
            fixedSeen = Read(Topics.ApprovedExpenses, serDes).Any(a => a.expense.expenseId == "PROBE");
        }
        // Every probe ends approved or dead-lettered; wait until all are accounted for.
        var deadLetters = WaitFor(Topics.ExpenseDeadLetters, serDes, app, letters =>
            letters.Count - 1 + Read(Topics.ApprovedExpenses, serDes).Count(e => e.expense.expenseId == "PROBE") == probes);

        // 3. Replay: every INACTIVE_COST_CENTER dead letter is approved once.
        var first = await Replay(stack, ct);
        Assert.Equal(FormattableString.Invariant($"read {deadLetters.Count}, matched {deadLetters.Count}, replayed {deadLetters.Count}"), first.Trim());
        WaitFor(Topics.ApprovedExpenses, serDes, app, approved => approved.Any(a => a.envelope.idempotencyKey == "it:EXP-1:1"));

        // 4. Replay again, then a sentinel with the same record key (same partition, so processed after the replay).
        await Replay(stack, ct);
        await producer.ProduceAsync(Topics.Expenses, "EXP-1", Expense("EXP-1", "CC-9", "it:EXP-1:sentinel"), ct);
        var all = WaitFor(Topics.ApprovedExpenses, serDes, app, approved => approved.Any(a => a.envelope.idempotencyKey == "it:EXP-1:sentinel"));
        Assert.Single(all, a => a.envelope.idempotencyKey == "it:EXP-1:1");
        Assert.All(all.GroupBy(a => a.envelope.idempotencyKey), g => Assert.Single(g));
        Assert.Equal(deadLetters.Count, Read(Topics.ExpenseDeadLetters, serDes).Count);

        // 5. The audit trail, chained by the audit chainer and traced by the expense id: the failed first attempt, the
        //    replay (once, though replayed twice) and the approved second attempt, in that order; verify finds nothing.
        using var chain = await HostedTopologyRun.PrepareAsync(stack, new AuditChainTopology(), names.For("it-audit"));
        using var chainer = await chain.StartAsync(ct);
        var trace = await Wait.UntilAsync("the trace of EXP-1 to show its approval after the replay", Patience,
            () => Cli(stack, ct, "audit", "trace", "EXP-1"),
            text => text.Contains(" approved ", StringComparison.Ordinal) && text.Contains("replayed", StringComparison.Ordinal), text => text);
        var steps = trace.Split('\n').Where(l => l.Contains("it:EXP-1", StringComparison.Ordinal) || l.Contains(" EXP-1", StringComparison.Ordinal))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && char.IsAsciiDigit(l[0])).ToList();
        var ordered = new[] { "dead-lettered", "replayed", "approved" }.Select(step => steps.FindIndex(l => l.Contains($" {step} ", StringComparison.Ordinal))).ToList();
        Assert.True(ordered.All(i => i >= 0) && ordered.SequenceEqual(ordered.Order()), trace);
        Assert.Single(steps, l => l.Contains(" replayed ", StringComparison.Ordinal));
        Assert.Contains("by dlq-replay", trace, StringComparison.Ordinal);
        Assert.Contains("attempt 2", trace, StringComparison.Ordinal);
        Assert.Contains("(INACTIVE_COST_CENTER)", trace, StringComparison.Ordinal);
        var verify = await Cli(stack, ct, "audit", "verify");
        Assert.Contains("no problem found", verify, StringComparison.Ordinal);
    }

    private static async Task<string> Cli(IKafkaStack stack, CancellationToken ct, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await StreamFinanceCli.RunAsync([.. args, "--bootstrap-servers", stack.BootstrapServers, "--schema-registry", stack.SchemaRegistryUrl], output, error, ct);
        Assert.True(code == 0, $"{string.Join(' ', args)} exited {code}: {error}{output}");
        return output.ToString();
    }

    private List<T> Read<T>(Topic<string, T> topic, SerDesFactory serDes) where T : class, Avro.Specific.ISpecificRecord =>
        TopicReader.ReadValues(fixture.Stack.BootstrapServers, topic, serDes, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

    private string DeadLetterMessages(SerDesFactory serDes) =>
        string.Join(" | ", TopicReader.ReadAll(fixture.Stack.BootstrapServers, Topics.ExpenseDeadLetters.Name, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)
            .Select(r => serDes.Avro<DeadLetter>().Deserialize(r.Message.Value, new SerializationContext(MessageComponentType.Value, Topics.ExpenseDeadLetters.Name)))
            .Select(d => $"{d.reasonCode}: {d.message}"));

    private static async Task<string> Replay(IKafkaStack stack, CancellationToken ct)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await StreamFinanceCli.RunAsync(
            ["dlq", "replay", "--topic", Topics.ExpenseDeadLetters.Name, "--reason", "INACTIVE_COST_CENTER",
             "--bootstrap-servers", stack.BootstrapServers, "--schema-registry", stack.SchemaRegistryUrl],
            output, error, ct);
        Assert.True(code == 0, $"dlq replay exited {code}: {error}");
        return output.ToString();
    }

    /// <summary>Reads every record of <paramref name="topic"/> until <paramref name="done"/> holds; fails when <see cref="Patience"/> runs out or the app stops.</summary>
    private List<T> WaitFor<T>(Topic<string, T> topic, SerDesFactory serDes, RunningStreamsApp app, Func<List<T>, bool> done)
        where T : class, Avro.Specific.ISpecificRecord =>
        Wait.Until($"'{topic.Name}' to reach the expected content", Patience, () => Read(topic, serDes), done, records => $"{records.Count} record(s)",
            TimeSpan.FromMilliseconds(500), () => app.Failure, () => $"Dead letters: {DeadLetterMessages(serDes)}");
}
