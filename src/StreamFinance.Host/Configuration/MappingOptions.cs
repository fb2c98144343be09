namespace StreamFinance.Host.Configuration;

/// <summary>
/// Where the connectors' mapping profiles live. Bound from the <c>Mapping</c> section, e.g.
/// <c>"Mapping": { "ProfilesDirectory": "/etc/streamfinance/profiles" }</c>. The directory is watched: an edited profile
/// takes effect without a restart (an invalid edit is logged and the previous version stays in force).
/// </summary>
public sealed class MappingOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Mapping";

    /// <summary>
    /// The folder of <c>*.yaml</c> mapping profiles, absolute or relative to the working folder. Default: the
    /// <c>Profiles</c> folder next to the executable, which holds the shipped vendor profiles.
    /// </summary>
    public string? ProfilesDirectory { get; set; }

    /// <summary>Whether <see cref="ProfilesDirectory"/> was set, rather than left to the default.</summary>
    public bool IsDirectorySet => !string.IsNullOrWhiteSpace(ProfilesDirectory);

    /// <summary>The profile folder in full.</summary>
    public string ProfilesPath => Path.GetFullPath(IsDirectorySet ? ProfilesDirectory! : Path.Combine(AppContext.BaseDirectory, "Profiles"));

    /// <summary>Every problem with these settings, each phrased so a person can fix it.</summary>
    public IEnumerable<string> Validate()
    {
        if (ProfilesDirectory is not null && string.IsNullOrWhiteSpace(ProfilesDirectory))
            yield return $"{Section}:ProfilesDirectory is empty: remove it to use the shipped profiles next to the executable, or name the folder of *.yaml profiles.";
    }
}
