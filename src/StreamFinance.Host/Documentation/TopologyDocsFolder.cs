using StreamFinance.Kafka.Docs;

namespace StreamFinance.Host.Documentation;

/// <summary>
/// Compares generated topology docs with a docs folder, and brings the folder up to date. Only the folder's own
/// <c>*.md</c> files are managed: sub-folders and other files are left alone, and so is the last page of a topology
/// that failed to build. Line ends are compared as <c>\n</c>, so a checkout with CRLF line ends is not stale.
/// </summary>
public static class TopologyDocsFolder
{
    /// <summary>The docs folder, relative to the repository root.</summary>
    public const string DefaultPath = "topology-docs";

    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFileName = "StreamFinance.sln";

    /// <summary>The command that regenerates the docs, run from the repository root.</summary>
    public const string RegenerateCommand = "dotnet run --project src/StreamFinance.Host -- docs";

    /// <summary>
    /// The repository's docs folder: <see cref="DefaultPath"/> in the nearest folder at or above
    /// <paramref name="startDirectory"/> that holds <see cref="SolutionFileName"/>, or in <paramref name="startDirectory"/>
    /// itself when there is none. (<c>dotnet run --project src/StreamFinance.Host</c> runs in the project folder.)
    /// </summary>
    public static string Locate(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
            {
                return Path.Combine(dir.FullName, DefaultPath);
            }
        }

        return Path.Combine(startDirectory, DefaultPath);
    }

    /// <summary>Every change <paramref name="folder"/> needs to hold exactly <paramref name="docs"/>, by file name; empty when it is current.</summary>
    public static IReadOnlyList<DocsChange> Compare(string folder, TopologyDocs docs)
    {
        var changes = new List<DocsChange>();
        foreach (var file in docs.Files)
        {
            var path = Path.Combine(folder, file.FileName);
            if (!File.Exists(path))
            {
                changes.Add(new DocsChange(file.FileName, DocsChangeKind.Missing, file.Content));
            }
            else if (Normalize(File.ReadAllText(path)) != file.Content)
            {
                changes.Add(new DocsChange(file.FileName, DocsChangeKind.Stale, file.Content));
            }
        }

        if (Directory.Exists(folder))
        {
            var known = docs.KnownFileNames;
            changes.AddRange(Directory.EnumerateFiles(folder, "*.md", SearchOption.TopDirectoryOnly)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(name => !known.Contains(name))
                .Select(name => new DocsChange(name, DocsChangeKind.Obsolete, null)));
        }

        return changes.OrderBy(c => c.FileName, StringComparer.Ordinal).ToList();
    }

    /// <summary>Writes missing and stale files (UTF-8, no byte-order mark) and deletes obsolete ones, creating <paramref name="folder"/> if needed.</summary>
    public static void Apply(string folder, IEnumerable<DocsChange> changes)
    {
        Directory.CreateDirectory(folder);
        foreach (var change in changes)
        {
            var path = Path.Combine(folder, change.FileName);
            if (change.Kind == DocsChangeKind.Obsolete)
            {
                File.Delete(path);
            }
            else
            {
                File.WriteAllText(path, change.Content);
            }
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
