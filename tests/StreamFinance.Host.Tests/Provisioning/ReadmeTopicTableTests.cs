using System.Text.RegularExpressions;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Host.Catalog;
using StreamFinance.Kafka.Docs;
using StreamFinance.Host.Tests.Support;
using StreamFinance.TestSupport.Files;

namespace StreamFinance.Host.Tests.Provisioning;

public class ReadmeTopicTableTests
{
    [Fact]
    public void README_topic_table_matches_the_catalog_and_its_derived_usage()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var match = Regex.Match(readme, "<!-- topics:begin -->\n(?<table>.*)<!-- topics:end -->", RegexOptions.Singleline);

        Assert.True(match.Success, "README.md lacks the <!-- topics:begin --> ... <!-- topics:end --> block.");
        Assert.True(
            match.Groups["table"].Value == TopicCatalogPrinter.Markdown(ProductTopicUsage.Shipped()),
            "The README topic table is stale: replace the block with the output of `dotnet run --project src/StreamFinance.Host -- topics list --format markdown`.");
    }

    [Fact]
    public void Console_table_lists_every_topic_with_its_cleanup_retention_and_status()
    {
        var table = TopicCatalogPrinter.Table(ProductTopicUsage.Shipped());

        Assert.All(Topics.All, t => Assert.Contains(t.Name, table));
        Assert.Matches(new Regex(@"md\.cost-centers\s+cost center id\s+CostCenter\s+3\s+compact\s+forever\s+in use\n    written by: master-data topology\n"), table);
        Assert.Matches(new Regex(@"dlq\.expenses\s+original record key\s+DeadLetter\s+3\s+delete\s+90 days\s+in use"), table);
    }
}
