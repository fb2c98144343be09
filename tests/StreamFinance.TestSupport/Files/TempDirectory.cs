namespace StreamFinance.TestSupport.Files;

/// <summary>A fresh directory under the system temp folder, deleted (best effort) on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates <c>{temp}/streamfinance-tests/{prefix}-{random}</c>.</summary>
    /// <param name="prefix">Says which tests made it, for whoever finds one left behind.</param>
    public TempDirectory(string prefix = "test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "streamfinance-tests", $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    /// <summary>The directory's full path.</summary>
    public string Path { get; }

    /// <summary>A path inside the directory.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path))
                Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A store still closing must not fail the test; the OS cleans temp eventually.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: a file still held open by a closing client.
        }
    }
}
