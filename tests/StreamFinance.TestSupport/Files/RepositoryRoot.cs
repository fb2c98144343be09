namespace StreamFinance.TestSupport.Files;

/// <summary>The repository checkout the tests run from: the folder above the test output that holds <c>StreamFinance.sln</c>.</summary>
public static class RepositoryRoot
{
    /// <summary>The checkout's full path.</summary>
    public static string Path { get; } = Find();

    /// <summary>A path inside the checkout, e.g. <c>Combine("avro")</c>.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "StreamFinance.sln")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException($"No StreamFinance.sln above {AppContext.BaseDirectory}; run the tests from the repository checkout.");
    }
}
