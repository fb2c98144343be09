using System.Net.Http.Json;
using System.Text.RegularExpressions;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Host.Cli;
using StreamFinance.Host.Tests.Cli;
using StreamFinance.Host.Tests.Support;
using StreamFinance.TestSupport.Waiting;

namespace StreamFinance.Host.Tests.Provisioning;

/// <summary>A planned topic (nothing writes it yet) is created neither by <c>topics apply</c> nor by <c>broker</c>.</summary>
public sealed class PlannedTopicProvisioningTests
{
    private static readonly string[] Planned = [Topics.VendorRequests.Name, Topics.ApInvoices.Name, Topics.MatchExceptions.Name, Topics.ExpenseStatus.Name];
    private static readonly string[] Written = [Topics.ExpenseDeadLetters.Name, Topics.MasterDataHistory.Name, Topics.GoodsReceipts.Name, Topics.ConnectorOffsets.Name, Topics.AuditEmitted.Name, Topics.AuditEvents.Name];

    [Fact]
    public async Task Topics_apply_creates_and_registers_the_topics_in_use_and_leaves_the_planned_ones_out()
    {
        await using var stack = await BrokerProcessStack.StartAsync();

        var result = await CliRunner.RunAsync("topics", "apply", "--broker-control", stack.Control.Url, "--schema-registry", stack.Registry.Url, "--verbose");

        Assert.Equal(0, result.ExitCode);
        Assert.All(Written, topic => Assert.True(stack.Cluster.Topics.ContainsKey(topic), topic));
        Assert.All(Planned, topic => Assert.False(stack.Cluster.Topics.ContainsKey(topic), topic));
        Assert.DoesNotContain("erp.vendor-requests", result.Output);
        var subjects = stack.Registry.Store.GetSubjects();
        Assert.Contains(Topics.ExpenseDeadLetters.ValueSubject, subjects);
        Assert.Contains(Topics.AuditEvents.ValueSubject, subjects);
        Assert.DoesNotContain(Topics.VendorRequests.ValueSubject, subjects);
    }

    [Fact]
    public async Task The_embedded_broker_creates_the_topics_in_use_and_leaves_the_planned_ones_out()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var output = new StringWriter();
        var broker = StreamFinanceCli.RunAsync(["broker"], TextWriter.Synchronized(output), TextWriter.Null, stop.Token);
        try
        {
            var control = await ControlUrlAsync(output, broker);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

            var topics = await http.GetFromJsonAsync<Dictionary<string, int>>($"{control.TrimEnd('/')}/topics", TestContext.Current.CancellationToken);

            Assert.NotNull(topics);
            Assert.All(Written, topic => Assert.True(topics.ContainsKey(topic), topic));
            Assert.All(Planned, topic => Assert.False(topics.ContainsKey(topic), topic));
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await broker);
        }
    }

    private static async Task<string> ControlUrlAsync(StringWriter output, Task<int> broker)
    {
        var match = await Wait.UntilAsync("the broker to print its control URL", TimeSpan.FromSeconds(30),
            () => Task.FromResult(Regex.Match(output.ToString(), @"^control=(?<url>\S+)$", RegexOptions.Multiline)),
            match => match.Success, _ => "no control= line", TimeSpan.FromMilliseconds(50),
            () => broker.IsCompleted ? "the broker ended" : null, () => $"Output: {output}");
        return match.Groups["url"].Value;
    }
}
