using StreamFinance.Contracts.Catalog;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net;

namespace StreamFinance.Kafka.Docs;

/// <summary>
/// Generates <c>topology-docs/</c> from the code: builds each topology with a <see cref="StreamBuilder"/>, reads
/// its <c>Topology.Describe()</c>, and renders one Markdown page per topology (a Mermaid flowchart, its topics,
/// stores with their changelogs, repartition topics, unnamed processors) plus an index with the topic catalog.
/// </summary>
/// <remarks>
/// Pure: no Kafka, no Schema Registry (topologies get SerDes over <see cref="OfflineSchemaRegistryClient"/>), no
/// file access. The output is deterministic (no timestamps, stable order), so a test can compare it with the
/// committed files. Application ids use the default <see cref="StreamsOptions.ApplicationIdPrefix"/>.
/// </remarks>
public static class TopologyDocsGenerator
{
    /// <summary>File name of the index page.</summary>
    public const string IndexFileName = "README.md";

    /// <summary>Pages generated whatever the topologies: the index and the master-data topics page, in this order.</summary>
    public static IReadOnlyList<string> FixedFileNames { get; } = [IndexFileName, MasterDataTopicsPage.FileName];

    /// <summary>
    /// Documents <paramref name="topologies"/> (the product's are <c>TopologyCatalog.All</c>). A topology that fails to
    /// build or to be described is reported in <see cref="TopologyDocs.Failures"/> and the others are still rendered.
    /// </summary>
    /// <param name="topologies">The topologies to document.</param>
    /// <param name="usage">
    /// Who writes and reads each topic, for the index's catalog table. The <c>docs</c> command passes the product's
    /// (topologies, connectors and commands); by default only what <paramref name="topologies"/> themselves read and write.
    /// </param>
    public static TopologyDocs Generate(IReadOnlyList<IStreamTopology> topologies, TopicUsage? usage = null)
    {
        ArgumentNullException.ThrowIfNull(topologies);
        usage ??= TopicUsage.Of(Topics.All, topologies.Select(TopologyTopicUser.Of));
        var streams = new StreamsOptions();
        var context = new TopologyContext(new SerDesFactory(OfflineSchemaRegistryClient.Create()));
        var files = new List<DocsFile>
        {
            new(IndexFileName, DocsIndexPage.Render(topologies, usage)),
            new(MasterDataTopicsPage.FileName, MasterDataTopicsPage.Render(Topics.All, Domain.MasterData.Ownership.SystemOfRecordTable.Default)),
        };
        var failures = new List<TopologyDocsFailure>();
        var seen = new HashSet<string>(FixedFileNames, StringComparer.OrdinalIgnoreCase);
        foreach (var topology in topologies)
        {
            var fileName = PageFileName(topology);
            try
            {
                CheckName(topology, seen.Add(fileName));
                var builder = new StreamBuilder();
                topology.Build(builder, context);
                var described = TopologyDescriber.Describe(topology, builder.Build(), streams.ApplicationIdFor(topology.Name));
                files.Add(new DocsFile(fileName, TopologyPage.Render(described)));
            }
            catch (Exception e)
            {
                failures.Add(new TopologyDocsFailure(topology.Name, fileName, e.GetType().Name, e.Message));
            }
        }

        return new TopologyDocs(files, failures);
    }

    /// <summary>The file name of a topology's page: <c>&lt;name&gt;.md</c>.</summary>
    public static string PageFileName(IStreamTopology topology) => $"{topology.Name}.md";

    // The name becomes a file name, an application id and a topic-name prefix: Kafka's topic characters only.
    private static void CheckName(IStreamTopology topology, bool unique)
    {
        if (string.IsNullOrEmpty(topology.Name) || !topology.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || topology.Name.StartsWith('.'))
        {
            throw new InvalidOperationException(
                $"The name '{topology.Name}' of {topology.GetType().Name} must be ASCII letters, digits, '-', '_' or '.', not starting with '.': " +
                "it becomes the application id, the prefix of internal topics and the docs file name.");
        }

        if (!unique)
        {
            throw new InvalidOperationException(
                $"Another topology (or the docs index) already uses the name '{topology.Name}' (names are compared ignoring case): give {topology.GetType().Name} a unique name.");
        }
    }
}
