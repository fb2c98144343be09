namespace StreamFinance.Connectors.Tests.Support;

/// <summary>A throw-away inbox folder, deleted at dispose.</summary>
public sealed class TempInbox : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("sf-inbox-").FullName;

    public string Processed => System.IO.Path.Combine(Path, "processed");

    public string Quarantine => System.IO.Path.Combine(Path, "quarantine");

    /// <summary>Writes a file and dates it in the past, so it counts as settled.</summary>
    public string Drop(string name, string content)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, content);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-1));
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
