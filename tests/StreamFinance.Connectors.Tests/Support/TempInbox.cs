using StreamFinance.TestSupport.Files;

namespace StreamFinance.Connectors.Tests.Support;

/// <summary>A throw-away inbox folder (a <see cref="TempDirectory"/>), deleted at dispose.</summary>
public sealed class TempInbox : IDisposable
{
    private readonly TempDirectory directory = new("inbox");

    public string Path => directory.Path;

    public string Processed => directory.Combine("processed");

    public string Quarantine => directory.Combine("quarantine");

    /// <summary>Writes a file and dates it in the past, so it counts as settled.</summary>
    public string Drop(string name, string content)
    {
        var file = directory.Combine(name);
        File.WriteAllText(file, content);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-1));
        return file;
    }

    public void Dispose() => directory.Dispose();
}
