using StreamFinance.IntegrationTests.EndToEnd;

namespace StreamFinance.IntegrationTests.Crashes;

/// <summary>What one crash run did and found: a row of the summary table.</summary>
/// <param name="Schedule">The run's schedule.</param>
/// <param name="KillsDone">Each kill as it happened, e.g. <c>+7 approvals (31 out)</c> or <c>t+1.2s (before ready)</c>.</param>
/// <param name="RestartReady">Seconds each restart took to answer 200 on <c>/health/ready</c>; null for one killed before.</param>
/// <param name="Audit">The final audit of the topics; null when the run failed before it.</param>
/// <param name="Failure">Why the run failed (a broken invariant, a restart that never became ready); null when it passed.</param>
/// <param name="Took">Wall-clock time of the run, broker start included.</param>
internal sealed record CrashRunReport(
    CrashSchedule Schedule, IReadOnlyList<string> KillsDone, IReadOnlyList<double?> RestartReady, OutcomeAuditResult? Audit, string? Failure, TimeSpan Took);
