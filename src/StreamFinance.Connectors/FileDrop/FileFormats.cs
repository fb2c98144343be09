namespace StreamFinance.Connectors.FileDrop;

/// <summary>Which file extensions each source format accepts, so a file dropped in the wrong inbox is quarantined rather than mis-read.</summary>
public static class FileFormats
{
    private static readonly Dictionary<string, string[]> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["csv"] = [".csv"],
        ["jsonl"] = [".jsonl", ".ndjson"],
        ["json"] = [".json"],
        ["x12"] = [".x12", ".edi", ".txt"],
    };

    /// <summary>Extensions never taken: files still being written by an uploader.</summary>
    public static IReadOnlyList<string> Partial { get; } = [".tmp", ".part", ".partial", ".filepart", ".crdownload"];

    /// <summary>Whether <paramref name="fileName"/>'s extension fits format <paramref name="format"/>; formats not listed accept any extension.</summary>
    public static bool Accepts(string format, string fileName) =>
        !Extensions.TryGetValue(format, out var accepted) || accepted.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);

    /// <summary>The extensions format <paramref name="format"/> accepts, for messages.</summary>
    public static string Describe(string format) =>
        Extensions.TryGetValue(format, out var accepted) ? string.Join(", ", accepted) : "any";

    /// <summary>Whether the format reads text (UTF-8), so bytes that are not UTF-8 make the file unreadable.</summary>
    public static bool IsText(string format) => Extensions.ContainsKey(format);
}
