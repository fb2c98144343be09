namespace StreamFinance.Host.Tests.Cli;

public sealed class DeadLetterReplayArgumentTests
{
    [Theory]
    [InlineData("dlq replay", "--topic")]
    [InlineData("dlq replay --topic ingest.expenses", "'ingest.expenses' is not a dead-letter topic")]
    [InlineData("dlq replay --topic dlq.expenses --reason NO_SUCH_REASON", "'NO_SUCH_REASON' is not a reason code")]
    [InlineData("dlq replay --topic dlq.expenses --since yesterday", "'yesterday' is not an ISO 8601 instant")]
    [InlineData("dlq replay --topic dlq.expenses --no-such-option", "--no-such-option")]
    public async Task A_bad_replay_argument_gets_a_one_line_explanation_and_exit_code_2(string args, string named)
    {
        var result = await CliRunner.RunAsync(args.Split(' '));

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains(named, line);
    }

    [Fact]
    public async Task A_bad_reason_lists_the_known_codes()
    {
        var result = await CliRunner.RunAsync("dlq", "replay", "--topic", "dlq.expenses", "--reason", "CLOSED");

        Assert.Contains("CLOSED_PERIOD", result.Error);
        Assert.Contains("UNDOCUMENTED_CARD_CHARGE", result.Error);
    }

    [Fact]
    public async Task An_unreachable_broker_is_reported_with_exit_code_3()
    {
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port; // nothing listens there once it is stopped
        }

        var result = await CliRunner.RunAsync("dlq", "replay", "--topic", "dlq.expenses", "--bootstrap-servers", $"127.0.0.1:{port}", "--set", "Kafka:ConnectTimeoutSeconds=2");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Kafka:BootstrapServers", result.Error);
    }
}
