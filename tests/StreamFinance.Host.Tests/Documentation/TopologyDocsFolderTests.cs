using StreamFinance.Host.Documentation;
using StreamFinance.Host.Tests.Support;
using StreamFinance.Kafka.Docs;
using StreamFinance.TestSupport.Files;

namespace StreamFinance.Host.Tests.Documentation;

public sealed class TopologyDocsFolderTests
{
    private static readonly TopologyDocs Docs = new(
        [new DocsFile("README.md", "# Index\n"), new DocsFile("approving.md", "# approving\n")],
        [new TopologyDocsFailure("broken", "broken.md", "InvalidOperationException", "no policy file")]);

    [Fact]
    public void A_folder_that_does_not_exist_misses_every_generated_file()
    {
        using var temp = new TempDirectory();

        var changes = TopologyDocsFolder.Compare(temp.Combine("topology-docs"), Docs);

        Assert.Equal([("README.md", DocsChangeKind.Missing), ("approving.md", DocsChangeKind.Missing)], changes.Select(c => (c.FileName, c.Kind)));
    }

    [Fact]
    public void A_file_with_other_content_is_stale_but_one_differing_only_in_crlf_line_ends_is_not()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("README.md"), "# Index\r\n");
        File.WriteAllText(temp.Combine("approving.md"), "# approving, edited by hand\n");

        var change = Assert.Single(TopologyDocsFolder.Compare(temp.Path, Docs));

        Assert.Equal(new DocsChange("approving.md", DocsChangeKind.Stale, "# approving\n"), change);
    }

    [Fact]
    public void A_page_nothing_generates_is_obsolete_while_other_files_and_the_page_of_a_failed_topology_are_kept()
    {
        using var temp = new TempDirectory();
        TopologyDocsFolder.Apply(temp.Path, TopologyDocsFolder.Compare(temp.Path, Docs));
        File.WriteAllText(temp.Combine("retired.md"), "# retired\n");
        File.WriteAllText(temp.Combine("broken.md"), "# broken, last good copy\n");
        File.WriteAllText(temp.Combine("diagram.png"), "not markdown");

        var change = Assert.Single(TopologyDocsFolder.Compare(temp.Path, Docs));

        Assert.Equal(new DocsChange("retired.md", DocsChangeKind.Obsolete, null), change);
    }

    [Fact]
    public void Applying_the_changes_leaves_a_folder_that_compares_as_current()
    {
        using var temp = new TempDirectory();
        var folder = temp.Combine("topology-docs");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "approving.md"), "old\n");
        File.WriteAllText(Path.Combine(folder, "retired.md"), "old\n");

        TopologyDocsFolder.Apply(folder, TopologyDocsFolder.Compare(folder, Docs));

        Assert.Empty(TopologyDocsFolder.Compare(folder, Docs));
        Assert.Equal("# approving\n", File.ReadAllText(Path.Combine(folder, "approving.md")));
        Assert.False(File.Exists(Path.Combine(folder, "retired.md")));
    }

    [Fact]
    public void The_default_folder_is_topology_docs_beside_the_solution_above_the_working_folder()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("StreamFinance.sln"), "");
        var projectFolder = Directory.CreateDirectory(temp.Combine("src", "StreamFinance.Host")).FullName;

        Assert.Equal(temp.Combine("topology-docs"), TopologyDocsFolder.Locate(projectFolder));
    }

    [Fact]
    public void Outside_a_repository_the_default_folder_is_topology_docs_in_the_working_folder()
    {
        using var temp = new TempDirectory();

        Assert.Equal(temp.Combine("topology-docs"), TopologyDocsFolder.Locate(temp.Path));
    }
}
