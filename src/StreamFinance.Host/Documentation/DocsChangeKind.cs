namespace StreamFinance.Host.Documentation;

/// <summary>How a file of the docs folder differs from what the code generates.</summary>
public enum DocsChangeKind
{
    /// <summary>Generated but not in the folder: it will be created.</summary>
    Missing,

    /// <summary>In the folder with other content: it will be overwritten.</summary>
    Stale,

    /// <summary>A page in the folder that nothing generates any more (its topology is gone): it will be removed.</summary>
    Obsolete,
}
