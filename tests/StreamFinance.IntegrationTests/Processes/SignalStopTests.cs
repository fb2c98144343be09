namespace StreamFinance.IntegrationTests.Processes;

/// <summary>
/// The commands that run until stopped end on SIGTERM (what <c>docker stop</c>, Kubernetes and systemd send) with exit
/// code 0, within seconds; <c>run</c> is covered with a restart in <c>SigtermRestartScenario</c>.
/// </summary>
public sealed class SignalStopTests
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_broker_stops_on_sigterm_with_exit_code_0()
    {
        await using var broker = await BrokerProcess.StartAsync();

        broker.Process.Terminate();
        var exit = await broker.Process.WaitForExitAsync(StopPatience);

        Assert.True(exit is not null, $"broker still ran {StopPatience.TotalSeconds:0} s after SIGTERM. Output:{Environment.NewLine}{broker.Process.Tail()}");
        Assert.Equal(0, exit.Value.ExitCode);
        Assert.Contains(broker.Process.Lines, l => l.Contains("SIGTERM received, stopping cleanly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_demo_stops_on_sigterm_with_exit_code_0_and_its_summary()
    {
        await using var demo = StreamFinanceProcess.Start("demo", "--set", "Observability:MetricsPort=0", "--set", "Api:Port=0");
        await demo.WaitForLineAsync("^Metrics at ", StartPatience);
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

        demo.Terminate();
        var exit = await demo.WaitForExitAsync(StopPatience);

        Assert.True(exit is not null, $"demo still ran {StopPatience.TotalSeconds:0} s after SIGTERM. Output:{Environment.NewLine}{demo.Tail()}");
        Assert.Equal(0, exit.Value.ExitCode);
        Assert.DoesNotContain(demo.Lines, l => l.Contains(" fail: ", StringComparison.Ordinal) || l.Contains("Unhandled exception", StringComparison.Ordinal));
    }
}
