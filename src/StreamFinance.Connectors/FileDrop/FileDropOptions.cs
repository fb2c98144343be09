namespace StreamFinance.Connectors.FileDrop;

/// <summary>A folder watched for files (an SFTP landing zone). Bound from <c>Connectors:&lt;name&gt;:FileDrop</c>.</summary>
public sealed class FileDropOptions
{
    /// <summary>The inbox folder. Required.</summary>
    public string Inbox { get; set; } = "";

    /// <summary>Where ingested files go. Default <c>processed</c> under the inbox.</summary>
    public string? ProcessedFolder { get; set; }

    /// <summary>Where files that cannot be read as a whole go, each with <c>&lt;file&gt;.reason.txt</c>. Default <c>quarantine</c> under the inbox.</summary>
    public string? QuarantineFolder { get; set; }

    /// <summary>How often the inbox is scanned, in milliseconds. Default 2000.</summary>
    public int PollIntervalMs { get; set; } = 2000;

    /// <summary>A file is taken only when it has not been written to for this long, in milliseconds, so files still being uploaded are left alone. Default 1000.</summary>
    public int SettleMs { get; set; } = 1000;

    /// <summary>The processed folder in full.</summary>
    public string ProcessedPath => Path.GetFullPath(ProcessedFolder ?? Path.Combine(Inbox, "processed"), Inbox);

    /// <summary>The quarantine folder in full.</summary>
    public string QuarantinePath => Path.GetFullPath(QuarantineFolder ?? Path.Combine(Inbox, "quarantine"), Inbox);

    /// <summary>Every problem with these settings, each phrased so a person can fix it; <paramref name="prefix"/> names the section.</summary>
    public IEnumerable<string> Validate(string prefix)
    {
        if (string.IsNullOrWhiteSpace(Inbox))
            yield return $"{prefix}:Inbox is empty: name the folder to watch.";
        if (PollIntervalMs is < 10 or > 3_600_000)
            yield return $"{prefix}:PollIntervalMs is {PollIntervalMs}: use 10 to 3600000.";
        if (SettleMs is < 0 or > 3_600_000)
            yield return $"{prefix}:SettleMs is {SettleMs}: use 0 to 3600000.";
    }
}
