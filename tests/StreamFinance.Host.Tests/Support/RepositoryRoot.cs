namespace StreamFinance.Host.Tests.Support;

/// <summary>Finds the repository checkout the tests run from, for tests that compare committed files with the code.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "StreamFinance.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No StreamFinance.sln above {AppContext.BaseDirectory}.");
    }
}
