using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Avro.Specific;
using Confluent.Kafka;
using StreamFinance.Connectors.Generator;
using StreamFinance.Connectors.Producing;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.IntegrationTests.DeadLetters;
using StreamFinance.IntegrationTests.Processes;
using StreamFinance.IntegrationTests.Support;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.SerDes;
using StreamFinance.TestSupport.Files;
using StreamFinance.TestSupport.Kafka;
using StreamFinance.TestSupport.Waiting;

namespace StreamFinance.IntegrationTests.EndToEnd;

/// <summary>
/// An operator's restart, with the real executable: the embedded broker in a process of its own, the pipeline (<c>run</c>,
/// every topology under EXACTLY_ONCE, the default, with file-drop connectors for the Concur and Expensify profiles) in
/// another. The pipeline is stopped with SIGTERM while vendor files flow, more files arrive while it is down, and it is
/// started again with the same state: it must exit 0, be ready again within a minute, and end with every line accounted
/// for and every approved expense in exactly one balanced journal.
/// </summary>
/// <remarks>
/// The embedded broker does not keep offsets committed inside a transaction (ENVIRONMENT.md), so the restarted
/// topologies read their inputs again from the start: what this proves beyond the restart itself is that the dedupe
/// and posted-id stores, restored from their changelogs, keep a second reading from approving or posting anything twice.
/// </remarks>
public sealed class SigtermRestartScenario
{
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ReadyPatience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RejoinBound = TimeSpan.FromSeconds(30);

    /// <summary>1-minute windows close at most 1 min + grace + check interval after their last approval.</summary>
    private static readonly TimeSpan OutcomePatience = TimeSpan.FromSeconds(120);

    private readonly string run = Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();

    [Fact(Timeout = 360_000)]
    public async Task A_pipeline_stopped_with_sigterm_mid_stream_exits_0_is_ready_again_within_a_minute_and_posts_every_expense_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper;
        await using var broker = await BrokerProcess.StartAsync();
        var kafka = new KafkaOptions { BootstrapServers = broker.BootstrapServers, ClientIdPrefix = $"sigterm-{run}" };
        var serDes = SerDesFactory.FromOptions(new SchemaRegistryOptions { Url = broker.SchemaRegistryUrl });
        using (var producer = new CanonicalRecordProducer(kafka, serDes, "sigterm-master-data"))
        {
            foreach (var record in new SampleDataGenerator(7).MasterData())
                await producer.ProduceAsync(record.Topic, record.Key, record.Value, ct);
        }

        using var work = new TempDirectory("sigterm");
        var today = DateTime.SpecifyKind(DateTime.UtcNow.Date, DateTimeKind.Utc);
        var before = Enumerable.Range(1, 8).SelectMany(i => SampleWorldVendorFiles.For($"{run}{i}", today)).ToList();
        var meanwhile = Enumerable.Range(9, 4).SelectMany(i => SampleWorldVendorFiles.For($"{run}{i}", today)).ToList();
        var inboxes = new[] { SampleWorldVendorFiles.ConcurProfile, SampleWorldVendorFiles.ExpensifyProfile }
            .ToDictionary(p => p, p => Directory.CreateDirectory(Path.Combine(work.Path, "inbox", p)).FullName);
        string[] runArguments = ["run", .. broker.RunArguments, "--config", WriteSettings(work.Path, inboxes)];

        // 1. Running, with the first files flowing: SIGTERM as soon as the first approvals are out.
        await using (var first = StreamFinanceProcess.Start(runArguments))
        {
            var ready = new Uri(await first.WaitForLineAsync(@"health at \S+ and (\S+)$", ReadyPatience));
            output?.WriteLine($"first start ready after {await WaitReadyAsync(ready, first):0.0} s");
            EndToEndPipeline.Drop(before, inboxes);
            var early = WaitFor("the first approvals", () => Read<ApprovedExpense>(broker, Topics.ApprovedExpenses, serDes), a => a.Count > 0 ? null : "every approval", first);
            first.Terminate();
            output?.WriteLine($"SIGTERM sent with {early.Count} approval(s) out");
            var exit = await first.WaitForExitAsync(StopPatience);
            Assert.True(exit is not null, $"run still ran {StopPatience.TotalSeconds:0} s after SIGTERM. Output:{Environment.NewLine}{first.Tail()}");
            output?.WriteLine($"first run stopped {exit.Value.Took.TotalSeconds:0.0} s after SIGTERM with exit code {exit.Value.ExitCode}");
            Assert.Equal(0, exit.Value.ExitCode);
            Assert.Contains(first.Lines, l => l.Contains("SIGTERM received, stopping cleanly", StringComparison.Ordinal));
            var failures = first.Lines.Where(l => l.Contains(" fail: ", StringComparison.Ordinal)).ToList();
            Assert.True(failures.Count == 0, $"a clean stop logged failures:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
        }

        // 2. Down: more files arrive.
        EndToEndPipeline.Drop(meanwhile, inboxes);

        // 3. Started again with the same state: ready within a minute, then everything accounted for.
        await using var second = StreamFinanceProcess.Start(runArguments);
        var readyAgain = new Uri(await second.WaitForLineAsync(@"health at \S+ and (\S+)$", ReadyPatience));
        var readyAfter = await WaitReadyAsync(readyAgain, second);
        output?.WriteLine($"restart ready after {readyAfter:0.0} s");
        // A restart rejoins its groups at once; waiting out a departed member's session timeout took 43-48 s.
        Assert.True(readyAfter < RejoinBound.TotalSeconds, $"restart ready after {readyAfter:0.0} s, more than {RejoinBound.TotalSeconds:0} s");

        var lines = before.Concat(meanwhile).SelectMany(f => f.Lines).ToList();
        var approvedKeys = lines.Where(l => l.Outcome == PlannedOutcome.Approved).Select(l => l.IdempotencyKey).ToHashSet();
        var rejectedKeys = lines.Where(l => l.Outcome == PlannedOutcome.ExpenseDeadLetter).Select(l => l.IdempotencyKey).ToHashSet();
        var unmappable = before.Concat(meanwhile).SelectMany(f => f.Lines.Select((l, i) => (f.FileName, Line: i + 1L, l.Outcome)))
            .Where(l => l.Outcome == PlannedOutcome.IngestDeadLetter).Select(l => $"{l.FileName}:{l.Line}").ToHashSet();
        var approvedLines = lines.Where(l => l.Outcome == PlannedOutcome.Approved).DistinctBy(l => l.Id).ToList();
        var postings = approvedLines.Select(l => $"{l.BookingEntityId}/{l.Id}")
            .Concat(approvedLines.Where(l => l.ChargedEntityId is not null).Select(l => $"{l.EntityId}/{l.Id}"))
            .ToHashSet();
        // 12 runs of the sample files: 9 approved lines (one intercompany, so posted in two entities), 1 rejected, 3 unmappable each.
        Assert.Equal((108, 120, 12, 36), (approvedKeys.Count, postings.Count, rejectedKeys.Count, unmappable.Count));

        var journals = WaitFor("every approved expense in a journal", () => Read<JournalEntry>(broker, Topics.JournalPostings, serDes),
            posted => Missing(postings, posted.SelectMany(j => j.lines.SelectMany(l => l.sourceIds).Distinct().Select(id => $"{j.legalEntityId}/{id}"))), second);
        var approved = Read<ApprovedExpense>(broker, Topics.ApprovedExpenses, serDes);
        var rejected = Read<DeadLetter>(broker, Topics.ExpenseDeadLetters, serDes);
        var ingestLetters = Read<DeadLetter>(broker, Topics.IngestDeadLetters, serDes).Where(d => d.processor.StartsWith("connector.sig-", StringComparison.Ordinal)).ToList();
        var allJournals = Read<JournalEntry>(broker, Topics.JournalPostings, serDes);
        Assert.True(allJournals.Count >= journals.Count);
        output?.WriteLine($"{approved.Count} approvals, {rejected.Count} expense dead letters, {ingestLetters.Count} connector dead letters, {allJournals.Count} journals");

        // Nothing lost: every line approved, dead-lettered or dropped as a re-delivery, by its planned outcome.
        Assert.Equal(approvedKeys.Order(), approved.Select(a => a.envelope.idempotencyKey).Distinct().Order());
        Assert.Equal(rejectedKeys.Order(), rejected.Select(d => d.idempotencyKey ?? "").Distinct().Order());
        Assert.Equal(unmappable.Order(), ingestLetters.Select(d => $"{d.originFile}:{d.originLine}").Distinct().Order());
        // Nothing approved or posted twice: one approval per line, each expense in exactly one journal of each entity it books in.
        Assert.Equal(approved.Count, approved.Select(a => a.envelope.idempotencyKey).Distinct().Count());
        Assert.Equal(allJournals.Count, allJournals.Select(j => j.reconciliationId).Distinct().Count());
        var postedOnce = allJournals.SelectMany(j => j.lines.SelectMany(l => l.sourceIds).Distinct().Select(id => $"{j.legalEntityId}/{id}")).GroupBy(p => p).ToList();
        Assert.Empty(postedOnce.Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal(postings.Order(), postedOnce.Select(g => g.Key).Order());
        foreach (var journal in allJournals)
        {
            var debit = journal.lines.Where(l => l.side == JournalSide.DEBIT).Sum(l => l.amount.ToDecimal());
            var credit = journal.lines.Where(l => l.side == JournalSide.CREDIT).Sum(l => l.amount.ToDecimal());
            Assert.True(debit == credit && debit > 0, $"journal {journal.reconciliationId} debit {debit} credit {credit}");
        }

        // 4. Both processes stop on SIGTERM with exit code 0.
        second.Terminate();
        Assert.Equal(0, (await second.WaitForExitAsync(StopPatience))?.ExitCode);
        broker.Process.Terminate();
        var brokerExit = await broker.Process.WaitForExitAsync(StopPatience);
        Assert.True(brokerExit is { ExitCode: 0 }, $"broker exit {brokerExit?.ExitCode.ToString() ?? "none"}. Output:{Environment.NewLine}{broker.Process.Tail()}");
    }

    /// <summary>The pipeline's settings: the connectors, short posting windows, free ports, state under <paramref name="root"/>.</summary>
    private string WriteSettings(string root, IReadOnlyDictionary<string, string> inboxes)
    {
        object Connector(string profile) => new
        {
            Kind = "FileDrop",
            Profile = profile,
            Topic = Topics.Expenses.Name,
            FileDrop = new { Inbox = inboxes[profile], PollIntervalMs = 200, SettleMs = 0 },
        };
        var settings = new
        {
            Streams = new { ApplicationIdPrefix = $"sigterm-{run.ToLowerInvariant()}", StateDir = Path.Combine(root, "state"), CommitIntervalMs = 200 },
            Observability = new { MetricsPort = 0, RegistryCheckIntervalSeconds = 1 },
            Api = new { Port = 0 },
            Posting = new { WindowSize = "00:01:00", GracePeriod = "00:00:02", CloseCheckInterval = "00:00:01" },
            Connectors = new Dictionary<string, object>
            {
                ["sig-concur"] = Connector(SampleWorldVendorFiles.ConcurProfile),
                ["sig-expensify"] = Connector(SampleWorldVendorFiles.ExpensifyProfile),
            },
        };
        var path = Path.Combine(root, "appsettings.json");
        File.WriteAllText(path, JsonSerializer.Serialize(settings));
        return path;
    }

    /// <summary>Seconds until <c>/health/ready</c> answers 200.</summary>
    private static async Task<double> WaitReadyAsync(Uri ready, StreamFinanceProcess process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        await Wait.UntilNoneMissingAsync("/health/ready to answer 200", ReadyPatience,
            async () =>
            {
                try
                {
                    using var answer = await http.GetAsync(ready, TestContext.Current.CancellationToken);
                    return answer.StatusCode == HttpStatusCode.OK ? null : await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                }
                catch (HttpRequestException e)
                {
                    return e.Message;
                }
            },
            last => last is null ? null : $"200; last answer: {last}", TimeSpan.FromMilliseconds(250), detail: () => $"Output:{Environment.NewLine}{process.Tail()}");
        return clock.Elapsed.TotalSeconds;
    }

    private static T WaitFor<T>(string what, Func<T> read, Func<T, string?> missing, StreamFinanceProcess process) =>
        Wait.UntilNoneMissing(what, OutcomePatience, read, missing, TimeSpan.FromMilliseconds(500), detail: () => $"Output:{Environment.NewLine}{process.Tail()}");

    private static string? Missing(IEnumerable<string> expected, IEnumerable<string> seen)
    {
        var missing = expected.Except(seen).ToList();
        return missing.Count == 0 ? null : $"{missing.Count}: {string.Join(", ", missing.Take(10))}";
    }

    private static List<T> Read<T>(BrokerProcess broker, Topic<string, T> topic, SerDesFactory serDes) where T : class, ISpecificRecord =>
        TopicReader.ReadValues(broker.BootstrapServers, topic, serDes, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
}
