using System.Diagnostics;
using System.Globalization;
using StreamFinance.Contracts.Catalog;
using StreamFinance.IntegrationTests.EndToEnd;
using StreamFinance.IntegrationTests.Processes;
using StreamFinance.Topologies.Expenses;

namespace StreamFinance.IntegrationTests.Crashes;

/// <summary>
/// One run of the crash harness: a fresh broker process with the sample world's master data, then the pipeline
/// (<c>run</c>, every topology under the schedule's guarantee, file-drop connectors) started, SIGKILLed at each of the schedule's
/// kill points and started again with the same state folder against the same broker, with more vendor files dropped
/// while it is down; the last start must bring every line to its planned outcome with every invariant holding
/// (<see cref="OutcomeAudit"/>), and still hold them a few seconds later.
/// </summary>
internal static class CrashRun
{
    /// <summary>10 s posting windows (the shortest allowed) with 2 s grace: journals within seconds of the last approval.</summary>
    private static readonly TimeSpan WindowSize = TimeSpan.FromSeconds(10);

    /// <summary>A window closes at most window + grace + check interval after its last approval; restarts and reprocessing come on top.</summary>
    private static readonly TimeSpan OutcomePatience = TimeSpan.FromSeconds(120);

    /// <summary>How long a kill waits for its approvals before killing anyway (the rest of the data may hold fewer).</summary>
    private static readonly TimeSpan KillPatience = TimeSpan.FromSeconds(30);

    /// <summary>After the outcomes are complete: time for a late repeat (a window closed again, an approval re-sent) to show.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    /// <summary>Makes the run of <paramref name="schedule"/>; a broken invariant or a restart that never became ready is reported, not thrown.</summary>
    public static async Task<CrashRunReport> ExecuteAsync(CrashSchedule schedule, ITestOutputHelper? output, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var killsDone = new List<string>();
        var restartReady = new List<double?>();
        var files = new List<VendorFile>();
        try
        {
            await using var pipeline = await FileDropPipeline.StartAsync($"crash-{schedule.Seed}", WindowSize, ct, schedule.Guarantee);
            var today = DateTime.SpecifyKind(DateTime.UtcNow.Date, DateTimeKind.Utc);
            var sets = 0;
            // Each set: the three sample files (15 lines) and one line held for a cost center that never arrives.
            List<VendorFile> Next(int count)
            {
                var next = new List<VendorFile>();
                for (var i = 0; i < count; i++)
                {
                    var tag = string.Create(CultureInfo.InvariantCulture, $"R{schedule.Seed % 10000:0000}N{++sets:00}");
                    next.AddRange(SampleWorldVendorFiles.For(tag, today));
                    next.Add(SampleWorldVendorFiles.Waiting(tag, today));
                }
                return next;
            }

            var drop = Next(schedule.SetsPerDrop[0]);
            for (var start = 0; ; start++)
            {
                await using var process = pipeline.Start();
                using var keep = KeepOutput(process, schedule.Seed, start);
                var ready = ReadyOrKilledAsync(process);
                var approvedAtStart = pipeline.Read(Topics.ApprovedExpenses).Count;
                pipeline.Drop(drop);
                files.AddRange(drop);
                if (start > 0)
                    restartReady.Add(null); // filled in below once known

                if (start == schedule.Kills.Count)
                {
                    restartReady[^1] = await ready;
                    if (restartReady[^1] is null)
                        return Report(schedule, killsDone, restartReady, null, $"the last start exited by itself. Output:{Environment.NewLine}{process.Tail()}", clock);
                    try
                    {
                        OutcomeAudit.WaitUntilClean(pipeline, files, process, OutcomePatience, () => FileDropPipeline.HeldNow(process));
                    }
                    catch (Exception)
                    {
                        CrashForensics.Write(pipeline, schedule.Seed);
                        throw;
                    }
                    await Task.Delay(Settle, ct);
                    var audit = OutcomeAudit.Read(pipeline, files, () => FileDropPipeline.HeldNow(process));
                    var kept = pipeline.CommittedOffsets(ExpenseTopology.TopologyName, Topics.Expenses.Name);
                    output?.WriteLine($"seed {schedule.Seed}: offsets the broker kept for the expense topology on {Topics.Expenses.Name}: {(kept.Count == 0 ? "none" : string.Join(", ", kept))}");
                    return Report(schedule, killsDone, restartReady, audit, audit.Violations.Count == 0 ? null : string.Join(" ", audit.Violations), clock);
                }

                killsDone.Add(await KillAtAsync(schedule.Kills[start], process, pipeline, approvedAtStart, ready, ct));
                output?.WriteLine($"seed {schedule.Seed}: start {start + 1} killed at {killsDone[^1]}");
                if (start > 0)
                    restartReady[^1] = ready.IsCompletedSuccessfully ? ready.Result : null;
                drop = Next(schedule.SetsPerDrop[start + 1]);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return Report(schedule, killsDone, restartReady, null, e.Message, clock);
        }
    }

    /// <summary>Waits for <paramref name="point"/>, then SIGKILLs <paramref name="process"/> and waits for it to be gone; says when it struck.</summary>
    private static async Task<string> KillAtAsync(KillPoint point, StreamFinanceProcess process, FileDropPipeline pipeline, int approvedAtStart, Task<double?> ready, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var approved = approvedAtStart;
        if (point.AfterStart is { } delay)
        {
            await Task.Delay(delay, ct);
        }
        else
        {
            // Killed anyway after KillPatience: the files dropped may hold fewer approvals than the kill point asks for.
            while (clock.Elapsed < KillPatience && !process.HasExited && (approved = pipeline.Read(Topics.ApprovedExpenses).Count) < approvedAtStart + point.AfterApprovals)
                await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }

        var wasReady = ready.IsCompletedSuccessfully && ready.Result is not null;
        if (process.HasExited)
            throw new InvalidOperationException($"the pipeline exited by itself before its kill point {point}. Output:{Environment.NewLine}{process.Tail()}");
        process.Crash();
        if (await process.WaitForExitAsync(TimeSpan.FromSeconds(10)) is null)
            throw new InvalidOperationException($"the pipeline still ran 10 s after SIGKILL");
        return point.AfterStart is not null
            ? string.Create(CultureInfo.InvariantCulture, $"{point} ({(wasReady ? "ready" : "before ready")})")
            : string.Create(CultureInfo.InvariantCulture, $"{point} ({approved - approvedAtStart} more at {clock.Elapsed.TotalSeconds:0.0}s)");
    }

    /// <summary>When <see cref="CrashSettings.LogFolder"/> is set: writes the whole output of <paramref name="process"/> there once it is disposed (killed or done).</summary>
    private static IDisposable? KeepOutput(StreamFinanceProcess process, int seed, int start) =>
        CrashSettings.LogFolder is { } folder ? new OutputKeeper(process, Path.Combine(folder, $"{seed}-start{start + 1}.log")) : null;

    private sealed class OutputKeeper(StreamFinanceProcess process, string path) : IDisposable
    {
        public void Dispose()
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllLines(path, process.Lines);
        }
    }

    /// <summary>Seconds until ready, or null when the process was killed (or exited) first.</summary>
    private static async Task<double?> ReadyOrKilledAsync(StreamFinanceProcess process)
    {
        try
        {
            return await FileDropPipeline.WaitReadyAsync(process);
        }
        catch (Exception) when (process.HasExited)
        {
            return null;
        }
    }

    private static CrashRunReport Report(CrashSchedule schedule, List<string> kills, List<double?> ready, OutcomeAuditResult? audit, string? failure, Stopwatch clock) =>
        new(schedule, kills, ready, audit, failure, clock.Elapsed);
}
