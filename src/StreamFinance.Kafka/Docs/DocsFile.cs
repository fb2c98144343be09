namespace StreamFinance.Kafka.Docs;

/// <summary>One generated docs file.</summary>
/// <param name="FileName">Its name inside the docs folder, for example <c>README.md</c> or <c>master-data.md</c>.</param>
/// <param name="Content">Its Markdown, with <c>\n</c> line ends.</param>
public sealed record DocsFile(string FileName, string Content);
