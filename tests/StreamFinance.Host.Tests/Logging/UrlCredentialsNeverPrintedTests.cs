using StreamFinance.Host.Tests.Cli;
using StreamFinance.Host.Tests.Support;
using StreamFinance.TestSupport.Files;
using StreamFinance.TestSupport.Ports;

namespace StreamFinance.Host.Tests.Logging;

/// <summary>
/// Credentials written into an address (<c>http://user:password@host</c>) are printed and logged as <c>http://***@host</c>:
/// on the "Kafka at ..., Schema Registry at ..." line, in the effective settings, in Streamiz's configuration dump and
/// in what a REST connector logs. Run as a real process so that its console log is read as an operator sees it.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class UrlCredentialsNeverPrintedTests : IDisposable
{
    private const string RegistryPassword = "sr-pass-Qz71";
    private const string RestPassword = "rest-pass-Vb38";

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_schema_registry_url_with_user_and_password_is_printed_and_logged_with_the_user_info_masked()
    {
        await using var stack = await BrokerProcessStack.StartAsync();
        var registry = new Uri(stack.Registry.Url);
        var withCredentials = $"http://sr-user:{RegistryPassword}@{registry.Authority}";

        var result = await ExecutableRun.RunAsync(TimeSpan.FromSeconds(120),
            "run", "--bootstrap-servers", stack.Cluster.BootstrapServers, "--schema-registry", withCredentials, "--broker-control", stack.Control.Url,
            "--duration", "4",
            "--set", "Observability:MetricsPort=0", "--set", "Api:Port=0", "--set", $"Streams:StateDir={temp.Combine("state")}",
            "--set", "Streams:ProcessingGuarantee=AT_LEAST_ONCE", "--set", $"Streams:ApplicationIdPrefix=url-{Guid.NewGuid():N}",
            // Streamiz logs its whole configuration, schema registry URL included, at Information.
            "--set", "Logging:LogLevel:Streamiz=Information",
            // A REST connector whose base URL carries credentials, polling an address where nothing answers.
            "--set", "Connectors:ramp:Kind=RestPoll", "--set", "Connectors:ramp:Profile=ramp-card-transactions",
            "--set", $"Connectors:ramp:Rest:BaseUrl=http://rest-user:{RestPassword}@127.0.0.1:{ClosedPort()}/",
            "--set", "Connectors:ramp:Rest:Path=v1/transactions", "--set", "Connectors:ramp:Rest:PollIntervalMs=500");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        Assert.Contains($"Schema Registry at http://***@{registry.Authority}", result.Output);
        Assert.Contains($"SchemaRegistry: Url=http://***@{registry.Authority}", result.Output);
        Assert.Contains("Start creation of the stream application", result.Output);
        Assert.DoesNotContain(RegistryPassword, result.Output + result.Error);
        Assert.DoesNotContain(RestPassword, result.Output + result.Error);
    }

    [Fact]
    public async Task A_bootstrap_entry_with_credentials_is_refused_without_printing_them()
    {
        var result = await CliRunner.RunAsync("run", "--bootstrap-servers", "kafka-user:kafka-pass-Np06@127.0.0.1:9092", "--duration", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Kafka:BootstrapServers has an entry with credentials", result.Error);
        Assert.DoesNotContain("kafka-pass-Np06", result.Output + result.Error);
    }

    private static int ClosedPort()
    {
        using var port = new TakenPort();
        return port.Port;
    }
}
