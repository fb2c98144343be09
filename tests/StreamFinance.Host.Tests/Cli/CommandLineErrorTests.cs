namespace StreamFinance.Host.Tests.Cli;

public class CommandLineErrorTests
{
    [Theory]
    [InlineData("demo --duration abc", "--duration")]
    [InlineData("demo --duration -5", "--duration")]
    [InlineData("demo --brokers 2", "--brokers")]
    [InlineData("broker --port 70000", "--port")]
    [InlineData("topics list --format xml", "--format")]
    [InlineData("run --log-format xml", "--log-format")]
    [InlineData("demo --log-format xml", "--log-format")]
    [InlineData("run --stream-threads two", "--stream-threads")]
    [InlineData("run --stream-threads 0 --duration 1", "Streams:NumStreamThreads is 0: use 1 to 64")]
    [InlineData("no-such-command", "no-such-command")]
    public async Task Bad_command_line_value_gets_one_line_explanation_and_exit_code_2(string args, string named)
    {
        var result = await CliRunner.RunAsync(args.Split(' '));

        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Trim().Split('\n');
        Assert.Single(lines);
        Assert.Contains(named, lines[0]);
    }

    [Theory]
    [InlineData("Streams:NumStreamThreads=abc", "NumStreamThreads")]
    [InlineData("Streams:NumStreamThreads=0", "Streams:NumStreamThreads")]
    [InlineData("Kafka:BootstrapServers=no-port-here", "Kafka:BootstrapServers")]
    [InlineData("SchemaRegistry:Url=ftp://registry", "SchemaRegistry:Url")]
    [InlineData("Kafka:NoSuchSetting=1", "NoSuchSetting")]
    [InlineData("Kafka:SecurityProtocol=Carrier-Pigeon", "SecurityProtocol")]
    [InlineData("Observability:MetricsPort=70000", "Observability:MetricsPort")]
    [InlineData("Api:Port=70000", "Api:Port")]
    [InlineData("Api:Host=api.example.com", "Api:Host")]
    [InlineData("Api:ApiKey=too-short", "Api:ApiKey")]
    [InlineData("Api:RetryAfterSeconds=0", "Api:RetryAfterSeconds")]
    [InlineData("Observability:MetricsHost=metrics.example.com", "Observability:MetricsHost")]
    [InlineData("Observability:KafkaStatisticsIntervalMs=5", "Observability:KafkaStatisticsIntervalMs")]
    [InlineData("Logging:Format=xml", "Logging:Format")]
    public async Task Bad_configuration_value_gets_one_line_explanation_and_exit_code_2(string assignment, string named)
    {
        var result = await CliRunner.RunAsync("run", "--set", assignment, "--duration", "1");

        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Trim().Split('\n');
        Assert.Single(lines);
        Assert.Contains(named, lines[0]);
    }

    [Fact]
    public async Task Missing_config_file_is_named_in_the_error()
    {
        var result = await CliRunner.RunAsync("run", "--config", "/nonexistent/streamfinance.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/nonexistent/streamfinance.json", result.Error);
    }
}
