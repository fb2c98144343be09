namespace StreamFinance.Domain.MasterData.History;

/// <summary>
/// How much superseded history <see cref="EffectiveDatedHistory{T}.Prune"/> keeps, so a state-store entry stays bounded.
/// The version in force on the pruning day and every later (future-dated) version are always kept; only versions
/// superseded before that day can go, oldest first. A look-up for a date before the oldest kept version finds nothing.
/// Bound from the <see cref="Section"/> section.
/// </summary>
public sealed class HistoryRetentionPolicy
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "MasterData:History";

    /// <summary>
    /// Keep at most this many versions (superseded ones are dropped oldest first; the in-force and future versions
    /// may exceed it). Null: no count bound. Default 100.
    /// </summary>
    public int? MaxVersions { get; set; } = 100;

    /// <summary>
    /// Drop versions that only answer dates more than this many days before the pruning day, i.e. whose successor took
    /// effect on or before that horizon. Null: no age bound. Default 730 (two years of look-back for late documents and audits).
    /// </summary>
    public int? HorizonDays { get; set; } = 730;

    /// <summary>Keeps everything.</summary>
    public static HistoryRetentionPolicy Unbounded => new() { MaxVersions = null, HorizonDays = null };

    /// <summary>Every problem with these settings, each phrased so a person can fix it.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxVersions is < 1)
            yield return $"{Section}:MaxVersions is {MaxVersions}: keep at least 1 version, or leave it empty for no count bound.";
        if (HorizonDays is < 0)
            yield return $"{Section}:HorizonDays is {HorizonDays}: use 0 or more days, or leave it empty for no age bound.";
    }
}
