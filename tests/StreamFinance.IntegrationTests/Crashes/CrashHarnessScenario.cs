namespace StreamFinance.IntegrationTests.Crashes;

/// <summary>
/// The crash harness (issue 14): the pipeline SIGKILLed at seeded random points and restarted with the same state,
/// against a broker that runs on in a process of its own, with more vendor files dropped while it is down. After each
/// run nothing is lost (every line approved, dead-lettered or dropped as a re-delivery, exactly as planned, each once),
/// no expense is in two journals, no reconciliation id has two contents, every journal balances and the totals are
/// conserved from the lines to the approvals to the journals (<see cref="EndToEnd.OutcomeAudit"/>); lines planned to wait
/// for master data are still held, by the hold gauge of the restarted process.
/// </summary>
/// <remarks>
/// <para>The CI form makes <see cref="CrashSettings.ShortRuns"/> runs with 1 or 2 kills each. The long form:
/// <c>STREAMFINANCE_CRASH_RUNS=10 dotnet test tests/StreamFinance.IntegrationTests --filter "FullyQualifiedName~Crash"</c>,
/// with 1 to 3 kills a run. Every run prints its seed; <c>STREAMFINANCE_CRASH_SEED=&lt;seed&gt;</c> makes that run again
/// (the kill points and the data again; where a kill lands in the processing depends on timing too).</para>
/// <para>What the embedded broker cannot prove (ENVIRONMENT.md): it accepts TxnOffsetCommit but does not store it, so
/// every EXACTLY_ONCE restart reads its inputs again from the start, and it does not honour <c>read_committed</c>: the
/// records of a transaction a kill left open stay visible, to the harness and to the restored stores alike. So this
/// proves no loss and no duplicate effect through the dedupe and posted-id stores restored from their changelogs, under
/// the heaviest replay there is; it does not prove that an aborted transaction's output stays hidden from
/// <c>read_committed</c> readers, nor that committed offsets spare a restart its replay. That needs real Kafka. A
/// journal written in the last moments before a kill and written again after the restart with other content is
/// therefore counted as superseded, not as a conflict, and an approval repeated across a kill as re-approved
/// (<see cref="EndToEnd.OutcomeAudit"/>); every expense must still post in exactly one version of one journal. The harness prints the offsets the broker kept for the expense topology after
/// each run: none, so every restart here replays its inputs from the start.</para>
/// </remarks>
public sealed class CrashHarnessScenario
{
    [Fact]
    public async Task A_pipeline_killed_at_seeded_points_and_restarted_loses_nothing_and_posts_nothing_twice()
    {
        var output = TestContext.Current.TestOutputHelper;
        var ct = TestContext.Current.CancellationToken;
        var maxKills = CrashSettings.IsShortForm ? 2 : 3;
        var reports = new List<CrashRunReport>();
        foreach (var seed in CrashSettings.Seeds)
        {
            var schedule = CrashSchedule.For(seed, maxKills, CrashSettings.Guarantee);
            output?.WriteLine($"seed {seed}: {schedule.Guarantee}, {schedule.Kills.Count} kill(s) at {string.Join(", ", schedule.Kills)}; {schedule.Sets} set(s) of vendor files");
            var report = await CrashRun.ExecuteAsync(schedule, output, ct);
            output?.WriteLine($"seed {seed}: {(report.Failure is null ? "pass" : "FAIL: " + report.Failure)} in {report.Took.TotalSeconds:0} s");
            reports.Add(report);
        }

        var table = CrashSummaryTable.Of(reports);
        output?.WriteLine(table);
        if (CrashSettings.ReportFile is { } file)
            await File.AppendAllTextAsync(file, table, ct);
        Assert.True(reports.All(r => r.Failure is null), table);
    }
}
