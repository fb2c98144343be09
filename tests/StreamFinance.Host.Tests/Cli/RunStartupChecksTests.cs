using StreamFinance.Host.Tests.Support;
using StreamFinance.TestSupport.Files;
using StreamFinance.TestSupport.Ports;

namespace StreamFinance.Host.Tests.Cli;

/// <summary>
/// <c>run</c> checks every listener and folder before it creates a topic or opens a port: a problem is one line on
/// stderr naming the setting and its value, exit code 2, and the broker is left as it was.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class RunStartupChecksTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_metrics_port_in_use_stops_run_before_any_topic_is_created()
    {
        using var taken = new TakenPort();

        var (result, stack) = await RunAsync("--set", $"Observability:MetricsPort={taken.Port}");

        AssertOneLineExit2(result, $"Observability:MetricsPort {taken.Port} on 127.0.0.1 is already in use");
        Assert.Empty(stack);
    }

    [Fact]
    public async Task An_api_port_in_use_stops_run_before_any_topic_is_created()
    {
        using var taken = new TakenPort();

        var (result, stack) = await RunAsync("--set", $"Api:Port={taken.Port}");

        AssertOneLineExit2(result, $"Api:Port {taken.Port} on 127.0.0.1 is already in use");
        Assert.Empty(stack);
    }

    [Fact]
    public async Task A_webhook_connector_port_in_use_stops_run_before_any_topic_is_created()
    {
        using var taken = new TakenPort();

        var (result, stack) = await RunAsync(
            "--set", "Connectors:coupa-hooks:Kind=Webhook", "--set", "Connectors:coupa-hooks:Profile=coupa-purchase-orders",
            "--set", "Connectors:coupa-hooks:Webhook:Secret=0123456789abcdef0123", "--set", $"Connectors:coupa-hooks:Webhook:Port={taken.Port}");

        AssertOneLineExit2(result, $"Connectors:coupa-hooks:Webhook:Port {taken.Port} on 127.0.0.1 is already in use");
        Assert.Empty(stack);
    }

    [Fact]
    public async Task A_state_dir_that_cannot_be_created_stops_run_before_any_topic_is_created()
    {
        var file = temp.Combine("a-file");
        await File.WriteAllTextAsync(file, "not a folder", TestContext.Current.CancellationToken);
        var stateDir = Path.Combine(file, "state");

        var (result, stack) = await RunAsync("--set", $"Streams:StateDir={stateDir}");

        AssertOneLineExit2(result, $"Streams:StateDir '{stateDir}' cannot be created or written");
        Assert.Empty(stack);
    }

    [Fact]
    public async Task A_file_drop_inbox_that_cannot_be_created_stops_run_naming_the_connector_setting()
    {
        var file = temp.Combine("a-file");
        await File.WriteAllTextAsync(file, "not a folder", TestContext.Current.CancellationToken);
        var inbox = Path.Combine(file, "inbox");

        var (result, stack) = await RunAsync(
            "--set", "Connectors:concur-files:Kind=FileDrop", "--set", "Connectors:concur-files:Profile=concur-expense-entries",
            "--set", $"Connectors:concur-files:FileDrop:Inbox={inbox}");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"Connectors:concur-files:FileDrop:Inbox '{inbox}' cannot be created or written", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Empty(stack);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once_one_line_each()
    {
        using var metrics = new TakenPort();
        using var api = new TakenPort();
        var file = temp.Combine("a-file");
        await File.WriteAllTextAsync(file, "not a folder", TestContext.Current.CancellationToken);

        var (result, _) = await RunAsync(
            "--set", $"Observability:MetricsPort={metrics.Port}", "--set", $"Api:Port={api.Port}", "--set", $"Streams:StateDir={Path.Combine(file, "state")}");

        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("streamfinance: configuration error: ", l));
        Assert.Contains(lines, l => l.Contains("Observability:MetricsPort", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Api:Port", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Streams:StateDir", StringComparison.Ordinal));
    }

    private static void AssertOneLineExit2(CliRunner.Result result, string expected)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}; stderr: {result.Error}");
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("streamfinance: configuration error: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("Exception", line);
    }

    // Runs `run` against a fresh broker (no topic) with free ports and its own state folder, plus the settings given;
    // returns what it printed and the topics the broker has afterwards.
    private async Task<(CliRunner.Result Result, IReadOnlyDictionary<string, int> Topics)> RunAsync(params string[] settings)
    {
        await using var stack = await BrokerProcessStack.StartAsync();
        var result = await CliRunner.RunAsync(
        [
            "run", .. stack.RunArguments, "--duration", "5",
            "--set", "Observability:MetricsPort=0", "--set", "Api:Port=0", "--set", $"Streams:StateDir={temp.Combine("state")}",
            "--set", $"Streams:ApplicationIdPrefix=pf-{Guid.NewGuid():N}", "--set", "Streams:ProcessingGuarantee=AT_LEAST_ONCE",
            .. settings,
        ]);
        return (result, stack.Cluster.Topics);
    }
}
