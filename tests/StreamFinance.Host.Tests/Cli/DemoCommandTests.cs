using System.Text.RegularExpressions;
using StreamFinance.Host.Api;
using StreamFinance.Host.Configuration;
using StreamFinance.TestSupport.Ports;

namespace StreamFinance.Host.Tests.Cli;

/// <summary>
/// The demo in process. Every listener it starts takes a free port: the broker and the Schema Registry are embedded on
/// ephemeral ports, and the metrics and API ports are set to 0. Each run holds the default metrics and API ports
/// meanwhile, so a demo that still reached for one of them fails here instead of on a machine where something holds it.
/// </summary>
public class DemoCommandTests
{
    [Fact]
    public async Task Demo_with_a_duration_shows_records_flowing_and_exits_0()
    {
        var result = await RunDemoAsync("--duration", "6", "--rate", "100");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        Assert.Contains("Embedded Kafka (1 broker(s)) at 127.0.0.1:", result.Output);
        Assert.Contains("Topics on embedded broker", result.Output);
        Assert.Matches(new Regex(@"Validation API at http://127\.0\.0\.1:\d+/v1"), result.Output);
        // The sample master data lands in md.updates, and transactions keep arriving in the ingest topics.
        var summary = result.Output.Split('\n').Last(l => l.StartsWith("Stopped after", StringComparison.Ordinal));
        var masterData = long.Parse(Regex.Match(summary, @"md\.updates ([\d,]+)").Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
        var expenses = long.Parse(Regex.Match(summary, @"ingest\.expenses ([\d,]+)").Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(masterData > 100, summary);
        Assert.True(expenses > 20, summary);
        Assert.Matches(new Regex(@"StreamFinance live view, 00:00:0\d elapsed, [\d,]+ records in \d+ topics"), result.Output);
    }

    [Fact]
    public async Task The_readme_demo_lists_balanced_journals_and_commitments_and_held_purchase_orders_before_it_ends()
    {
        var result = await RunDemoAsync("--duration", "40");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        var closing = result.Output[result.Output.LastIndexOf("Stopped after", StringComparison.Ordinal)..];
        var heading = Regex.Match(closing, @"journals posted to erp\.journal-postings: (\d+), every one balanced");
        Assert.True(heading.Success, closing);
        Assert.True(int.Parse(heading.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, closing);
        var listed = Regex.Matches(closing, @"JE-[A-Z0-9]+-[A-Z]{3}-\d{8}T\d{4}Z-[0-9A-F]{8} +\d+ lines +debit +([\d,.]+) ([A-Z]{3}) +credit +([\d,.]+) \2 +balanced");
        Assert.NotEmpty(listed);
        Assert.All(listed, m => Assert.Equal(m.Groups[1].Value, m.Groups[3].Value));
        // Purchase orders flow too: generated and Coupa orders commit, the 850 samples wait for a requester.
        var commitments = Regex.Match(closing, @"commitments on erp\.commitments: (\d+) \(COMMIT (\d+)");
        Assert.True(commitments.Success && int.Parse(commitments.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, closing);
        Assert.Matches(new Regex(@"purchase orders held on p2p\.po-held: \d+ \([^)]*MISSING_REQUESTER \d+"), closing);
    }

    /// <summary>
    /// Runs <c>demo</c> with <paramref name="args"/>, every listener on a free port, while the default metrics and API ports
    /// are held (by this test, or already by something else on the machine).
    /// </summary>
    private static async Task<CliRunner.Result> RunDemoAsync(params string[] args)
    {
        using var metrics = TakenPort.Hold(new ObservabilityOptions().MetricsPort);
        using var api = TakenPort.Hold(new ValidationApiOptions().Port);
        return await CliRunner.RunAsync(["demo", .. args, "--set", "Api:Port=0", "--set", "Observability:MetricsPort=0"]);
    }
}
