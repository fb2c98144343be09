using System.Net;
using System.Net.Sockets;

namespace StreamFinance.Host.Tests.Cli;

/// <summary>
/// Start-up checks of the mapping profiles behind the configured connectors: they fail with exit code 2 and one line,
/// before the Kafka cluster is even asked (the addresses below answer nothing, which would be exit code 3).
/// </summary>
public sealed class ConnectorProfileStartupTests : IDisposable
{
    private readonly string profiles = Directory.CreateTempSubdirectory("sf-host-profiles-").FullName;
    private readonly string inbox = Directory.CreateTempSubdirectory("sf-host-inbox-").FullName;

    public void Dispose()
    {
        Directory.Delete(profiles, recursive: true);
        Directory.Delete(inbox, recursive: true);
    }

    [Fact]
    public async Task An_invalid_profile_at_start_up_exits_2_with_one_line_naming_the_file_the_line_and_the_problem()
    {
        var file = Path.Combine(profiles, "bad-expenses.yaml");
        await File.WriteAllTextAsync(file, """
            name: bad-expenses
            version: 1
            sourceSystem: test
            format: csv
            target: ingest.expenses
            sourceId: id
            fields:
              expenseId: id
              amont: amount
            """, TestContext.Current.CancellationToken);

        var result = await RunAsync("--set", $"Mapping:ProfilesDirectory={profiles}");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"{file}:9:", line);
        Assert.Contains("amont", line);
    }

    [Fact]
    public async Task A_profile_directory_that_does_not_exist_exits_2_naming_the_setting()
    {
        var missing = Path.Combine(profiles, "nowhere");

        var result = await RunAsync("--set", $"Mapping:ProfilesDirectory={missing}");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Mapping:ProfilesDirectory", result.Error);
        Assert.Contains(missing, result.Error);
    }

    [Fact]
    public async Task A_connector_naming_an_unknown_profile_exits_2_naming_the_connector_and_the_profile()
    {
        var result = await RunAsync(FileDrop("concur-files", "concur-expenses-v9"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Connectors:concur-files", result.Error);
        Assert.Contains("'concur-expenses-v9'", result.Error);
        Assert.Contains("concur-expense-entries", result.Error); // the loaded profiles are listed
    }

    [Fact]
    public async Task A_connector_whose_topic_differs_from_its_profile_target_exits_2_naming_both()
    {
        var result = await RunAsync([.. FileDrop("concur-files", "concur-expense-entries"), "--set", "Connectors:concur-files:Topic=ingest.card-transactions"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Connectors:concur-files:Topic is ingest.card-transactions", result.Error);
        Assert.Contains("concur-expense-entries@1 writes ingest.expenses", result.Error);
    }

    private string[] FileDrop(string name, string profile) =>
    [
        "--set", $"Connectors:{name}:Kind=FileDrop", "--set", $"Connectors:{name}:Profile={profile}", "--set", $"Connectors:{name}:FileDrop:Inbox={inbox}",
    ];

    private static Task<CliRunner.Result> RunAsync(params string[] settings) =>
        CliRunner.RunAsync(["run", "--bootstrap-servers", $"127.0.0.1:{FreePort()}", "--schema-registry", $"http://127.0.0.1:{FreePort()}", "--duration", "5", .. settings]);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
