using StreamFinance.Contracts.Catalog;
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
    private static readonly TimeSpan RejoinBound = TimeSpan.FromSeconds(30);

    /// <summary>1-minute windows close at most 1 min + grace + check interval after their last approval.</summary>
    private static readonly TimeSpan OutcomePatience = TimeSpan.FromSeconds(120);

    private readonly string run = Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();

    [Fact(Timeout = 360_000)]
    public async Task A_pipeline_stopped_with_sigterm_mid_stream_exits_0_is_ready_again_within_a_minute_and_posts_every_expense_once()
    {
        var output = TestContext.Current.TestOutputHelper;
        await using var pipeline = await FileDropPipeline.StartAsync($"sigterm-{run.ToLowerInvariant()}", TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        var today = DateTime.SpecifyKind(DateTime.UtcNow.Date, DateTimeKind.Utc);
        var before = Enumerable.Range(1, 8).SelectMany(i => SampleWorldVendorFiles.For($"{run}{i}", today)).ToList();
        var meanwhile = Enumerable.Range(9, 4).SelectMany(i => SampleWorldVendorFiles.For($"{run}{i}", today)).ToList();

        // 1. Running, with the first files flowing: SIGTERM as soon as the first approvals are out.
        await using (var first = pipeline.Start())
        {
            output?.WriteLine($"first start ready after {await FileDropPipeline.WaitReadyAsync(first):0.0} s");
            pipeline.Drop(before);
            var early = Wait.UntilNoneMissing("the first approvals", OutcomePatience, () => pipeline.Read(Topics.ApprovedExpenses),
                a => a.Count > 0 ? null : "every approval", TimeSpan.FromMilliseconds(500), detail: () => $"Output:{Environment.NewLine}{first.Tail()}");
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
        pipeline.Drop(meanwhile);

        // 3. Started again with the same state: ready within a minute, then everything accounted for.
        await using var second = pipeline.Start();
        var readyAfter = await FileDropPipeline.WaitReadyAsync(second);
        output?.WriteLine($"restart ready after {readyAfter:0.0} s");
        // A restart rejoins its groups at once; waiting out a departed member's session timeout took 43-48 s.
        Assert.True(readyAfter < RejoinBound.TotalSeconds, $"restart ready after {readyAfter:0.0} s, more than {RejoinBound.TotalSeconds:0} s");

        var files = before.Concat(meanwhile).ToList();
        var lines = files.SelectMany(f => f.Lines).ToList();
        var postings = OutcomeAudit.ExpectedPostings(lines.Where(l => l.Outcome == PlannedOutcome.Approved));
        // 12 runs of the sample files, 15 lines each: 9 approved (one intercompany, so posted in two entities), 1 rejected, 3 unmappable, 2 re-deliveries.
        Assert.Equal((180, 120), (lines.Count, postings.Count));

        // Nothing lost, nothing approved or posted twice, every journal balanced, totals conserved (OutcomeAudit).
        var audit = OutcomeAudit.WaitUntilClean(pipeline, files, second, OutcomePatience);
        output?.WriteLine($"{audit.Approved} approvals, {audit.ExpenseDeadLetters} expense dead letters, {audit.IngestDeadLetters} connector dead letters, {audit.Journals} journals");
        Assert.Equal((108, 12, 36), (audit.Approved, audit.ExpenseDeadLetters, audit.IngestDeadLetters));
        // A clean stop commits what it posted: no journal is emitted a second time.
        Assert.Equal(0, audit.JournalRepeats);

        // 4. Both processes stop on SIGTERM with exit code 0.
        second.Terminate();
        Assert.Equal(0, (await second.WaitForExitAsync(StopPatience))?.ExitCode);
        pipeline.Broker.Process.Terminate();
        var brokerExit = await pipeline.Broker.Process.WaitForExitAsync(StopPatience);
        Assert.True(brokerExit is { ExitCode: 0 }, $"broker exit {brokerExit?.ExitCode.ToString() ?? "none"}. Output:{Environment.NewLine}{pipeline.Broker.Process.Tail()}");
    }
}
