namespace StreamFinance.Host.Tests.Support;

/// <summary>The repository checkout the tests run from: the folder above the test output that holds <c>StreamFinance.sln</c>.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "StreamFinance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No StreamFinance.sln above {AppContext.BaseDirectory}; run the tests from the repository checkout.");
    }
}
