using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Kafka.Docs;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Kafka;

namespace StreamFinance.Topologies.Tests.Docs;

public sealed class TopologyDocsGeneratorTests
{
    private static readonly DelegateTopology Broken = new("broken", [Topics.Expenses], [], (_, _) =>
        throw new InvalidOperationException("the cost-center lookup is not configured"));

    [Fact]
    public void A_topology_that_fails_to_build_is_reported_by_name_and_message_while_the_others_are_documented()
    {
        var docs = TopologyDocsGenerator.Generate([Broken, new SampleExpenseTopology()]);

        var failure = Assert.Single(docs.Failures);
        Assert.Equal("broken", failure.Topology);
        Assert.Equal("broken.md", failure.PageFileName);
        Assert.Equal("the cost-center lookup is not configured", failure.Message);
        Assert.Equal("topology 'broken' could not be documented: InvalidOperationException: the cost-center lookup is not configured", failure.ToString());
        Assert.Equal(["README.md", "master-data-topics.md", "docs-sample.md"], docs.Files.Select(f => f.FileName));
    }

    [Fact]
    public void The_page_of_a_failed_topology_counts_as_known_so_that_its_last_good_copy_is_kept()
    {
        var docs = TopologyDocsGenerator.Generate([Broken]);

        Assert.Equal(new HashSet<string> { "README.md", "master-data-topics.md", "broken.md" }, docs.KnownFileNames);
    }

    [Fact]
    public void A_topology_reading_a_topic_outside_the_catalog_is_reported_naming_the_topic()
    {
        var stray = new DelegateTopology("stray", [], [], (builder, context) =>
            builder.Stream("scratch.expenses", SerDesFactory.Key(), context.SerDes.Avro<ExpenseLine>(), "stray.read")
                .To(Topics.ApprovedExpenses.Name, SerDesFactory.Key(), context.SerDes.Avro<ExpenseLine>(), "stray.write"));

        var failure = Assert.Single(TopologyDocsGenerator.Generate([stray]).Failures);

        Assert.Equal("stray", failure.Topology);
        Assert.Contains("reads topic 'scratch.expenses', which is not in the topic catalog", failure.Message);
    }

    [Fact]
    public void A_topology_that_calls_the_schema_registry_while_built_is_reported_naming_the_call()
    {
        var chatty = new DelegateTopology("chatty", [], [], (_, context) => context.SerDes.Registry.GetAllSubjectsAsync().GetAwaiter().GetResult());

        var failure = Assert.Single(TopologyDocsGenerator.Generate([chatty]).Failures);

        Assert.Contains("ISchemaRegistryClient.GetAllSubjectsAsync", failure.Message);
    }

    [Fact]
    public void Two_topologies_with_the_same_name_are_reported_instead_of_overwriting_one_page()
    {
        var docs = TopologyDocsGenerator.Generate([new SampleExpenseTopology(), new SampleExpenseTopology()]);

        var failure = Assert.Single(docs.Failures);
        Assert.Contains("already uses the name 'docs-sample'", failure.Message);
        Assert.Single(docs.Files, f => f.FileName == "docs-sample.md");
    }

    [Theory]
    [InlineData("readme")]
    [InlineData("expense/posting")]
    [InlineData("")]
    public void A_topology_name_that_cannot_be_a_page_file_is_reported(string name)
    {
        var docs = TopologyDocsGenerator.Generate([new DelegateTopology(name, [], [], (_, _) => { })]);

        Assert.Equal(name, Assert.Single(docs.Failures).Topology);
        Assert.Equal(TopologyDocsGenerator.FixedFileNames, docs.Files.Select(f => f.FileName));
    }

    [Fact]
    public void Generating_twice_gives_identical_files()
    {
        IStreamTopology[] topologies = [new SampleExpenseTopology(), Broken];

        var first = TopologyDocsGenerator.Generate(topologies);
        var second = TopologyDocsGenerator.Generate(topologies);

        Assert.Equal(first.Files, second.Files);
        Assert.Equal(first.Failures, second.Failures);
    }

    [Fact]
    public void The_index_links_each_topology_page_including_failed_ones_and_lists_the_topic_catalog()
    {
        IStreamTopology[] topologies = [new SampleExpenseTopology(), Broken];

        var index = TopologyDocsGenerator.Generate(topologies).Files.Single(f => f.FileName == "README.md").Content;

        Assert.Contains(
            "| [docs-sample](docs-sample.md) | Routes sample expenses and counts them per employee. | `ingest.expenses`, `md.cost-centers` | `expense.approved`, `dlq.expenses`, `status.expenses` |",
            index);
        Assert.Contains("| [broken](broken.md) |", index);
        Assert.Contains(TopicCatalogPrinter.Markdown(TopicUsage.Of(Topics.All, topologies.Select(TopologyTopicUser.Of))), index);
    }

    [Fact]
    public void The_index_catalog_shows_the_writers_and_readers_of_the_usage_it_is_given()
    {
        var generator = new TopicUser(TopicUserKind.Generator, "generator", [], [Topics.Expenses]);
        var usage = TopicUsage.Of(Topics.All, [TopologyTopicUser.Of(new SampleExpenseTopology()), generator]);

        var index = TopologyDocsGenerator.Generate([new SampleExpenseTopology()], usage).Files.Single(f => f.FileName == "README.md").Content;

        Assert.Contains("| `ingest.expenses` | expense id | `ExpenseLine` | 6 | delete | 7 days | connectors (generator) | docs-sample topology |  |", index);
        Assert.Contains("| `erp.ap-invoices` | AP posting id (from supplier and invoice number) | `ApInvoicePosting` | 6 | delete | 30 days | planned: three-way match topology (issue 17) | nothing yet | ERP integration teams |", index);
    }

    [Fact]
    public void The_index_of_an_empty_catalog_says_there_are_no_topologies_yet()
    {
        var docs = TopologyDocsGenerator.Generate([]);

        Assert.Equal(TopologyDocsGenerator.FixedFileNames, docs.Files.Select(f => f.FileName));
        var index = docs.Files[0];
        Assert.Contains("None yet: `TopologyCatalog.All` is empty.", index.Content);
    }

    [Fact]
    public void The_topology_catalog_is_documented_one_page_each_after_the_fixed_pages()
    {
        var docs = TopologyDocsGenerator.Generate(TopologyCatalog.All);

        Assert.Empty(docs.Failures);
        Assert.Equal(
            TopologyDocsGenerator.FixedFileNames.Concat(TopologyCatalog.All.Select(TopologyDocsGenerator.PageFileName)),
            docs.Files.Select(f => f.FileName));
    }

    [Fact]
    public void Master_data_page_gives_data_teams_each_compacted_topic_with_key_owner_and_field_docs()
    {
        var page = TopologyDocsGenerator.Generate([]).Files.Single(f => f.FileName == "master-data-topics.md").Content;

        Assert.Contains("## `md.cost-centers`", page);
        Assert.Contains("- System of record: `sap-s4`", page);
        Assert.Contains("| `status` | CostCenterStatus |", page);
        Assert.Contains("## `md.fx-rates`", page);
        Assert.Contains("| `rate` | decimal(18,8) |", page);
        Assert.DoesNotContain("## `md.updates`", page); // not compacted: raw updates are not a table
    }
}
