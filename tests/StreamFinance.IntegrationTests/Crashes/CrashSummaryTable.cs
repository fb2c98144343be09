using System.Globalization;
using System.Text;
using Streamiz.Kafka.Net;

namespace StreamFinance.IntegrationTests.Crashes;

/// <summary>The crash harness's summary: one Markdown row per run, then a line with the command that repeats a failed run.</summary>
internal static class CrashSummaryTable
{
    /// <summary>The table of <paramref name="runs"/>.</summary>
    public static string Of(IReadOnlyList<CrashRunReport> runs)
    {
        var table = new StringBuilder()
            .AppendLine("| Seed | Guarantee | Kills | Kill points | Restart ready (s) | Inputs | Approved | Dead-lettered | Held | Journals | Duplicates absorbed | Journal repeats | Decisions redone | Lost | Double-posted | Two contents | Unbalanced | Run (s) | Result |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var run in runs)
        {
            var audit = run.Audit;
            string Count(Func<EndToEnd.OutcomeAuditResult, int> of) => audit is null ? "-" : of(audit).ToString(CultureInfo.InvariantCulture);
            table.Append(CultureInfo.InvariantCulture,
                $"| {run.Schedule.Seed} | {Short(run.Schedule.Guarantee)} | {run.KillsDone.Count} | {string.Join("; ", run.KillsDone)} | {string.Join(", ", run.RestartReady.Select(r => r is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "killed"))} ")
                .Append(CultureInfo.InvariantCulture,
                $"| {Count(a => a.Inputs)} | {Count(a => a.Approved)} | {Count(a => a.DeadLettered)} | {(audit?.Held is { } held ? held.ToString(CultureInfo.InvariantCulture) : "-")} | {Count(a => a.Journals)} | {Count(a => a.DuplicatesAbsorbed)} | {Count(a => a.JournalRepeats)} | {Count(a => a.DecisionsRedone)} ")
                .AppendLine(CultureInfo.InvariantCulture,
                $"| {Count(a => a.Lost)} | {Count(a => a.DoublePosted)} | {Count(a => a.TwoContents)} | {Count(a => a.Unbalanced)} | {run.Took.TotalSeconds:0} | {(run.Failure is null ? "pass" : "FAIL")} |");
        }
        foreach (var failed in runs.Where(r => r.Failure is not null))
            table.AppendLine(CultureInfo.InvariantCulture, $"Seed {failed.Schedule.Seed} failed; repeat it with {CrashSettings.SeedVariable}={failed.Schedule.Seed}: {failed.Failure}");
        return table.ToString();
    }

    private static string Short(ProcessingGuarantee guarantee) => guarantee == ProcessingGuarantee.AT_LEAST_ONCE ? "ALOS" : "EOS";
}
