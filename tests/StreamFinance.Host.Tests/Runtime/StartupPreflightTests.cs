using System.Net;
using StreamFinance.Host.Configuration;
using StreamFinance.Host.Runtime;
using StreamFinance.Host.Tests.Support;
using StreamFinance.TestSupport.Files;
using StreamFinance.TestSupport.Ports;

namespace StreamFinance.Host.Tests.Runtime;

public sealed class StartupPreflightTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Two_listeners_of_one_command_on_the_same_free_port_are_reported_naming_both_settings()
    {
        int port;
        using (var free = new TakenPort())
            port = free.Port;

        var problems = new StartupPreflight()
            .Listener(Check("Observability:MetricsPort", IPAddress.Loopback, port))
            .Listener(Check("Api:Port", IPAddress.Any, port))
            .Problems();

        var problem = Assert.Single(problems);
        Assert.StartsWith($"Api:Port {port} on 0.0.0.0 is also Observability:MetricsPort", problem);
    }

    [Fact]
    public void Port_zero_takes_any_free_port_and_is_never_reported()
    {
        var problems = new StartupPreflight()
            .Listener(Check("Api:Port", IPAddress.Loopback, 0))
            .Listener(Check("Observability:MetricsPort", IPAddress.Loopback, 0))
            .Problems();

        Assert.Empty(problems);
    }

    [Fact]
    public void An_address_that_is_not_local_is_reported_naming_the_host_setting()
    {
        // TEST-NET-3 (RFC 5737): never an address of this machine.
        var problem = Assert.Single(new StartupPreflight().Listener(Check("Api:Port", IPAddress.Parse("203.0.113.7"), 8080)).Problems());

        Assert.StartsWith("Api:Port 8080 on 203.0.113.7 cannot be listened on for the listener", problem);
        Assert.Contains("Check Api:Host and Api:Port.", problem);
    }

    [Fact]
    public void A_folder_is_created_and_left_without_the_probe_file()
    {
        var folder = temp.Combine("state", "deeper");

        var problems = new StartupPreflight().Folder(new FolderCheck("Streams:StateDir", folder, "state")).Problems();

        Assert.Empty(problems);
        Assert.True(Directory.Exists(folder));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public void All_problems_are_thrown_together_as_one_configuration_error_with_each_problem()
    {
        using var taken = new TakenPort();
        var file = temp.Combine("file");
        File.WriteAllText(file, "x");

        var error = Assert.Throws<ConfigurationException>(() => new StartupPreflight()
            .Listener(Check("Api:Port", IPAddress.Loopback, taken.Port))
            .Folder(new FolderCheck("Streams:StateDir", Path.Combine(file, "state"), "state"))
            .ThrowIfAnyProblem());

        Assert.Equal(2, error.Problems.Count);
        Assert.StartsWith($"Api:Port {taken.Port} on 127.0.0.1 is already in use", error.Problems[0]);
        Assert.StartsWith($"Streams:StateDir '{Path.Combine(file, "state")}' cannot be created or written", error.Problems[1]);
    }

    private static ListenerCheck Check(string setting, IPAddress address, int port) =>
        new(setting, address, port, "the listener", "Choose another port.", setting.Replace("Port", "Host", StringComparison.Ordinal));
}
