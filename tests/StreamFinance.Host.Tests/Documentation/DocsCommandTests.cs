using System.CommandLine;
using StreamFinance.Host.Cli;
using StreamFinance.Host.Tests.Cli;
using StreamFinance.Host.Tests.Support;
using StreamFinance.TestSupport.Files;
using StreamFinance.Topologies;
using StreamFinance.Kafka;

namespace StreamFinance.Host.Tests.Documentation;

public sealed class DocsCommandTests
{
    [Fact]
    public async Task Docs_writes_the_index_and_a_page_per_topology_and_says_what_it_created()
    {
        using var temp = new TempDirectory();
        var folder = temp.Combine("docs");

        var result = await RunAsync([DocsTopologies.Approving], "docs", "--output", folder);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Contains($"created {Path.Combine(folder, "README.md")}", result.Output);
        Assert.Contains($"created {Path.Combine(folder, "approving.md")}", result.Output);
        Assert.Contains("[approving](approving.md)", File.ReadAllText(Path.Combine(folder, "README.md")));
        Assert.Contains("```mermaid", File.ReadAllText(Path.Combine(folder, "approving.md")));
    }

    [Fact]
    public async Task Docs_run_again_changes_nothing_and_says_the_folder_is_up_to_date()
    {
        using var temp = new TempDirectory();
        await RunAsync([DocsTopologies.Approving], "docs", "--output", temp.Path);

        var result = await RunAsync([DocsTopologies.Approving], "docs", "--output", temp.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"{temp.Path}/ is up to date (3 files).\n", result.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Docs_removes_the_page_of_a_topology_that_no_longer_exists()
    {
        using var temp = new TempDirectory();
        await RunAsync([DocsTopologies.Approving], "docs", "--output", temp.Path);

        var result = await RunAsync([], "docs", "--output", temp.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"removed {temp.Combine("approving.md")}", result.Output);
        Assert.Contains($"updated {temp.Combine("README.md")}", result.Output);
        Assert.False(File.Exists(temp.Combine("approving.md")));
    }

    [Fact]
    public async Task Docs_check_writes_nothing_and_exits_1_listing_missing_stale_and_obsolete_files()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("README.md"), "# edited by hand\n");
        File.WriteAllText(temp.Combine("retired.md"), "# retired\n");

        var result = await RunAsync([DocsTopologies.Approving], "docs", "--output", temp.Path, "--check");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"missing: {temp.Combine("approving.md")}", result.Output);
        Assert.Contains($"stale: {temp.Combine("README.md")}", result.Output);
        Assert.Contains($"obsolete: {temp.Combine("retired.md")}", result.Output);
        Assert.Contains("is stale: run `dotnet run --project src/StreamFinance.Host -- docs --output ", result.Error);
        Assert.Equal("# edited by hand\n", File.ReadAllText(temp.Combine("README.md")));
        Assert.False(File.Exists(temp.Combine("approving.md")));
        Assert.True(File.Exists(temp.Combine("retired.md")));
    }

    [Fact]
    public async Task Docs_check_on_current_docs_exits_0()
    {
        using var temp = new TempDirectory();
        await RunAsync([DocsTopologies.Approving], "docs", "--output", temp.Path);

        var result = await RunAsync([DocsTopologies.Approving], "docs", "--output", temp.Path, "--check");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task A_topology_that_fails_to_build_is_reported_by_name_and_message_with_exit_1_while_the_other_pages_are_written()
    {
        using var temp = new TempDirectory();

        var result = await RunAsync([DocsTopologies.Broken, DocsTopologies.Approving], "docs", "--output", temp.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("topology 'broken' could not be documented: InvalidOperationException: policy file 'limits.json' was not found", result.Error);
        Assert.True(File.Exists(temp.Combine("approving.md")));
        Assert.True(File.Exists(temp.Combine("README.md")));
        Assert.False(File.Exists(temp.Combine("broken.md")));
    }

    [Fact]
    public async Task The_docs_command_is_part_of_the_streamfinance_command_line()
    {
        using var temp = new TempDirectory();

        var result = await CliRunner.RunAsync("docs", "--output", temp.Path, "--check");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"missing: {temp.Combine("README.md")}", result.Output);
    }

    private static async Task<CliRunner.Result> RunAsync(IReadOnlyList<IStreamTopology> topologies, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { DocsCommand.Create(topologies) };
        var code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return new CliRunner.Result(code, output.ToString(), error.ToString());
    }
}
