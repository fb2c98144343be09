using StreamFinance.Host.Tests.Support;
using StreamFinance.TestSupport.Ports;

namespace StreamFinance.Host.Tests.Cli;

/// <summary>
/// <c>broker</c> checks its ports before it starts anything: a port in use is one line on stderr naming the option and
/// the port, exit code 2, never an unhandled exception (exit 134). Run as a real process, where such a crash shows.
/// </summary>
public sealed class BrokerStartupChecksTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("--port")]
    [InlineData("--control-port")]
    [InlineData("--registry-port")]
    public async Task A_broker_port_in_use_exits_2_with_one_line_naming_the_option_before_anything_starts(string option)
    {
        using var taken = new TakenPort();

        var result = await ExecutableRun.RunAsync(Timeout, "broker", option, taken.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}; stderr: {result.Error}");
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("streamfinance: configuration error: ", line);
        Assert.Contains($"{option} {taken.Port} on 127.0.0.1 is already in use", line);
        Assert.DoesNotContain("Exception", line);
        // Nothing was started: no topics created, no address announced.
        Assert.DoesNotContain("Topics on embedded broker", result.Output);
        Assert.DoesNotContain("bootstrap.servers=", result.Output);
    }

    [Fact]
    public async Task The_second_of_three_brokers_on_a_taken_port_is_reported_with_the_port_it_would_use()
    {
        using var taken = new TakenPort();
        var first = taken.Port - 1;

        var result = await ExecutableRun.RunAsync(Timeout, "broker", "--brokers", "3", "--port", first.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--port {taken.Port} on 127.0.0.1 is already in use by another process, so embedded broker 2 (--port + 1) cannot listen there", result.Error);
    }
}
