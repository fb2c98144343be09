using System.Globalization;

namespace StreamFinance.IntegrationTests.Crashes;

/// <summary>
/// When a pipeline process is SIGKILLed: a delay after it was started (which may fall before it is ready, while its
/// stores restore), or once a number of approvals more than at its start are on <c>expense.approved</c> (mid-stream,
/// with transactions and connector batches in flight).
/// </summary>
/// <param name="AfterStart">Kill this long after the process started; null when <paramref name="AfterApprovals"/> decides.</param>
/// <param name="AfterApprovals">Kill once this many approvals more than at the process's start were observed; null when <paramref name="AfterStart"/> decides.</param>
internal sealed record KillPoint(TimeSpan? AfterStart, int? AfterApprovals)
{
    /// <summary>Short form for the summary table: <c>t+2.4s</c> or <c>+7 approvals</c>.</summary>
    public override string ToString() => AfterStart is { } delay
        ? string.Create(CultureInfo.InvariantCulture, $"t+{delay.TotalSeconds:0.0}s")
        : $"+{AfterApprovals} approvals";
}
