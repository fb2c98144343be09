using System.Text.RegularExpressions;

namespace StreamFinance.Host.Tests.Cli;

public sealed class TopicsListTests
{
    [Fact]
    public async Task Topics_list_shows_a_topic_nothing_writes_as_planned_with_what_will_write_it()
    {
        var result = await CliRunner.RunAsync("topics", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(new Regex(@"\nerp\.vendor-requests\s.*\splanned\n    written by: planned: onboarding topology \(issue 19\)\n"), result.Output);
        Assert.Matches(new Regex(@"\nerp\.ap-invoices\s.*\splanned\n    written by: planned: three-way match topology \(issue 17\)\n"), result.Output);
        Assert.Contains("Planned topics: nothing writes them yet, so topics apply, broker, demo and run do not create them.", result.Output);
    }

    [Fact]
    public async Task Topics_list_names_the_writers_and_readers_of_a_topic_in_use()
    {
        var result = await CliRunner.RunAsync("topics", "list", "--format", "markdown");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("| `md.cost-centers` | cost center id | `CostCenter` | 3 | compact | forever | master-data topology | md get/dump | data teams |", result.Output);
        Assert.Contains("| `audit.events` | correlation id | `AuditEvent` | 6 | delete | 2557 days | audit topology | audit-index topology, audit verify/trace | auditors |", result.Output);
    }
}
