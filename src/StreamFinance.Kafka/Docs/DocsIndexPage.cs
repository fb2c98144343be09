using StreamFinance.Contracts.Catalog;
using static StreamFinance.Kafka.Docs.MarkdownWriter;

namespace StreamFinance.Kafka.Docs;

/// <summary>Renders <c>topology-docs/README.md</c>: a link to each topology's page and the topic catalog.</summary>
internal static class DocsIndexPage
{
    /// <summary>The index's Markdown. It needs only what topologies declare, so it renders even when a topology fails to build.</summary>
    public static string Render(IReadOnlyList<IStreamTopology> topologies, TopicUsage usage)
    {
        var page = new MarkdownWriter()
            .Heading(1, "Topology docs")
            .Line(TopologyPage.GeneratedNotice)
            .Line("> A test fails while these pages differ from what the code generates.")
            .Line()
            .Line("One page per topology of `TopologyCatalog.All`, drawn from the built Streamiz topology itself: its flow, the topics it " +
                  "reads and writes, its state stores with their changelog topics, its repartition topics, and the processors that still need a name.")
            .Line();

        page.Heading(2, "Topologies").Table(
            ["Topology", "What it does", "Reads", "Writes"],
            topologies.Select(t => (IReadOnlyList<string>)
                [$"[{t.Name}]({TopologyDocsGenerator.PageFileName(t)})", t.Description, Topics(t.Inputs), Topics(t.Outputs)]),
            "None yet: `TopologyCatalog.All` is empty.");

        page.Heading(2, "Master data for data teams")
            .Line($"[{MasterDataTopicsPage.FileName}]({MasterDataTopicsPage.FileName}): every compacted `md.*` topic with its key, system of record and fields.")
            .Line();

        page.Heading(2, "Topic catalog")
            .Line("Every catalog topic (`StreamFinance.Contracts.Catalog.Topics`). Keys are UTF-8 strings; values are Avro records registered under `<topic>-value`. " +
                  "Writers and readers are derived from the topologies, connectors and commands that use each topic; audiences outside StreamFinance are declared. " +
                  "A topic that nothing writes yet is planned and is not created.")
            .Line()
            .Raw(TopicCatalogPrinter.Markdown(usage));

        return page.ToString().TrimEnd('\n') + "\n";
    }

    private static string Topics(IEnumerable<TopicSpec> topics) => string.Join(", ", topics.Select(t => Code(t.Name)));
}
