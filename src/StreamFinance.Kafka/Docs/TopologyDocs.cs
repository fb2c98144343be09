namespace StreamFinance.Kafka.Docs;

/// <summary>What the docs generator produced: the files of the docs folder, and the topologies it could not document.</summary>
/// <param name="Files">The index (<c>README.md</c>) first, then one page per documented topology in catalog order.</param>
/// <param name="Failures">Topologies that failed to build or to be described, in catalog order.</param>
public sealed record TopologyDocs(IReadOnlyList<DocsFile> Files, IReadOnlyList<TopologyDocsFailure> Failures)
{
    /// <summary>The file names the docs folder should hold: the generated files plus the pages of failed topologies, which are kept.</summary>
    public IReadOnlySet<string> KnownFileNames =>
        Files.Select(f => f.FileName).Concat(Failures.Select(f => f.PageFileName)).ToHashSet(StringComparer.Ordinal);
}
