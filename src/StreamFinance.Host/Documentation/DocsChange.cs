namespace StreamFinance.Host.Documentation;

/// <summary>One file the docs folder must change to match the code.</summary>
/// <param name="FileName">The file's name inside the docs folder.</param>
/// <param name="Kind">Missing, stale or obsolete.</param>
/// <param name="Content">The generated content to write; null for an obsolete file.</param>
public sealed record DocsChange(string FileName, DocsChangeKind Kind, string? Content);
