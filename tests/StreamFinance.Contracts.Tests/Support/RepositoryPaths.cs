namespace StreamFinance.Contracts.Tests.Support;

/// <summary>Locates the repository's <c>avro/</c> directory from the test output folder.</summary>
internal static class RepositoryPaths
{
    public static string AvroDirectory { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "avro");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No avro/ directory above {AppContext.BaseDirectory}; run the tests from the repository checkout.");
    }
}
