using StreamFinance.Host.Catalog;
using StreamFinance.Host.Documentation;
using StreamFinance.Host.Tests.Support;
using StreamFinance.TestSupport.Files;
using StreamFinance.Topologies;
using StreamFinance.Kafka.Docs;

namespace StreamFinance.Host.Tests.Documentation;

public sealed class TopologyDocsAreCurrentTests
{
    [Fact]
    public void The_committed_topology_docs_match_what_the_code_generates()
    {
        var docs = TopologyDocsGenerator.Generate(TopologyCatalog.All, ProductTopicUsage.Shipped());
        var changes = TopologyDocsFolder.Compare(Path.Combine(RepositoryRoot.Path, TopologyDocsFolder.DefaultPath), docs);

        Assert.True(docs.Failures.Count == 0, $"Topologies could not be documented:\n{string.Join('\n', docs.Failures)}");
        Assert.True(
            changes.Count == 0,
            $"topology-docs/ is stale: run `{TopologyDocsFolder.RegenerateCommand}`\n" +
            string.Join('\n', changes.Select(c => $"{c.Kind.ToString().ToLowerInvariant()}: {c.FileName}")));
    }
}
