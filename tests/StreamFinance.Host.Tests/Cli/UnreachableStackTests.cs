using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StreamFinance.Host.Tests.Cli;

public class UnreachableStackTests
{
    [Fact]
    public async Task Unreachable_bootstrap_server_is_reported_within_15_seconds_naming_the_setting()
    {
        var port = FreePort(); // nothing listens there
        var stopwatch = Stopwatch.StartNew();

        var result = await CliRunner.RunAsync(["run", "--bootstrap-servers", $"127.0.0.1:{port}", "--schema-registry", $"http://127.0.0.1:{FreePort()}", "--duration", "60", .. FreeListeners]);

        stopwatch.Stop();
        Assert.Equal(3, result.ExitCode);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(15), $"took {stopwatch.Elapsed}");
        Assert.Contains($"127.0.0.1:{port}", result.Error);
        Assert.Contains("Kafka:BootstrapServers", result.Error);
    }

    [Fact]
    public async Task Unreachable_schema_registry_is_reported_naming_the_setting()
    {
        using var cluster = Embedded.Broker.EmbeddedKafkaCluster.Start();
        var registryPort = FreePort();

        var result = await CliRunner.RunAsync(["run", "--bootstrap-servers", cluster.BootstrapServers, "--schema-registry", $"http://127.0.0.1:{registryPort}", "--duration", "60", .. FreeListeners]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("SchemaRegistry:Url", result.Error);
        Assert.Contains($"127.0.0.1:{registryPort}", result.Error);
    }

    // The listeners' ports are checked before the stack is asked: any free ones, so a port taken on this machine cannot answer first.
    private static readonly string[] FreeListeners = ["--set", "Observability:MetricsPort=0", "--set", "Api:Port=0"];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
