using StreamFinance.Host.Tests.Support;

namespace StreamFinance.Host.Tests.Cli;

/// <summary>
/// A demo that ends by its <c>--duration</c> stops cleanly: exit 0 and no error in its log. Run as a real process,
/// because what is logged while the process tears the embedded broker down is what an operator sees.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class DemoCleanExitTests
{
    [Fact]
    public async Task A_demo_stopped_by_its_duration_logs_no_failure_and_no_brokers_are_down_on_exit()
    {
        var result = await ExecutableRun.RunAsync(TimeSpan.FromSeconds(120),
            "demo", "--duration", "10", "--set", "Observability:MetricsPort=0", "--set", "Api:Port=0");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        Assert.Contains("Stopped after", result.Output);
        var failures = result.Output.Split('\n').Where(l => l.Contains(" fail: ", StringComparison.Ordinal) || l.Contains(" crit: ", StringComparison.Ordinal)).ToList();
        Assert.True(failures.Count == 0, "logged on a clean exit:\n" + string.Join('\n', failures));
        Assert.DoesNotContain("brokers are down", result.Output + result.Error);
    }
}
