using System.CommandLine;
using StreamFinance.Host.Catalog;
using StreamFinance.Host.Documentation;
using StreamFinance.Topologies;
using StreamFinance.Kafka.Docs;
using StreamFinance.Kafka;

namespace StreamFinance.Host.Cli;

/// <summary>
/// <c>streamfinance docs [--output topology-docs] [--check]</c>: writes one Markdown page per topology and an index
/// (see <see cref="TopologyDocsGenerator"/>), removes pages of topologies that no longer exist, and prints what
/// changed. With <c>--check</c> it writes nothing and exits 1 when the folder is stale. A topology that fails to
/// build is reported by name (exit 1) while the other pages are still written.
/// </summary>
public static class DocsCommand
{
    /// <summary>Builds the command over <paramref name="topologies"/> (default <see cref="TopologyCatalog.All"/>).</summary>
    public static Command Create(IReadOnlyList<IStreamTopology>? topologies = null)
    {
        var command = new Command("docs", "Write topology-docs/: a page per topology (Mermaid flow, topics, stores, internal topics) and an index with the topic catalog.");
        var output = new Option<string?>("--output")
        {
            Description = $"Docs folder. Default: {TopologyDocsFolder.DefaultPath}/ of the repository ({TopologyDocsFolder.SolutionFileName} at or above the working folder).",
        };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 listing the files that are missing, stale or obsolete." };
        command.Options.Add(output);
        command.Options.Add(check);
        command.SetAction(parse =>
        {
            var console = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var given = parse.GetValue(output);
            var folder = new DocsFolder(given ?? TopologyDocsFolder.Locate(Environment.CurrentDirectory), given ?? TopologyDocsFolder.DefaultPath, given is not null);
            var documented = topologies ?? TopologyCatalog.All;
            var docs = TopologyDocsGenerator.Generate(documented, ProductTopicUsage.Shipped(documented));
            foreach (var failure in docs.Failures)
            {
                error.WriteLine($"streamfinance docs: {failure}");
            }

            var changes = TopologyDocsFolder.Compare(folder.Path, docs);
            var stale = false;
            if (parse.GetValue(check))
            {
                stale = Check(folder, changes, console, error);
            }
            else
            {
                Write(folder, changes, docs, console);
            }

            return stale || docs.Failures.Count > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    // True when the folder is stale.
    private static bool Check(DocsFolder folder, IReadOnlyList<DocsChange> changes, TextWriter output, TextWriter error)
    {
        if (changes.Count == 0)
        {
            output.WriteLine($"{folder.Display} is up to date.");
            return false;
        }

        foreach (var change in changes)
        {
            output.WriteLine($"{change.Kind.ToString().ToLowerInvariant()}: {folder.DisplayOf(change.FileName)}");
        }

        var option = folder.Given ? $" --output {folder.Path}" : "";
        error.WriteLine($"streamfinance docs: {folder.Display} is stale: run `{TopologyDocsFolder.RegenerateCommand}{option}`");
        return true;
    }

    private static void Write(DocsFolder folder, IReadOnlyList<DocsChange> changes, TopologyDocs docs, TextWriter output)
    {
        TopologyDocsFolder.Apply(folder.Path, changes);
        foreach (var change in changes)
        {
            var verb = change.Kind switch { DocsChangeKind.Missing => "created", DocsChangeKind.Stale => "updated", _ => "removed" };
            output.WriteLine($"{verb} {folder.DisplayOf(change.FileName)}");
        }

        int Count(DocsChangeKind kind) => changes.Count(c => c.Kind == kind);
        output.WriteLine(changes.Count == 0
            ? $"{folder.Display} is up to date ({docs.Files.Count} files)."
            : $"{folder.Display}: {Count(DocsChangeKind.Missing)} created, {Count(DocsChangeKind.Stale)} updated, {Count(DocsChangeKind.Obsolete)} removed.");
    }

    // Where the docs go, and how messages name that folder: as given, or "topology-docs/" of the repository.
    private sealed record DocsFolder(string Path, string Name, bool Given)
    {
        public string Display => Name.EndsWith('/') || Name.EndsWith(System.IO.Path.DirectorySeparatorChar) ? Name : Name + "/";

        public string DisplayOf(string fileName) => System.IO.Path.Combine(Name, fileName);
    }
}
