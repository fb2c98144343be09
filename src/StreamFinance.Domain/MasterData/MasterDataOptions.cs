using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Domain.MasterData.Golden;
using StreamFinance.Domain.MasterData.History;
using StreamFinance.Domain.MasterData.Ownership;
using StreamFinance.Domain.MasterData.Suppliers;

namespace StreamFinance.Domain.MasterData;

/// <summary>
/// Policies of the master-data topology, bound from the <see cref="Section"/> section (one sub-section per concern).
/// Every default is the domain's: <see cref="SystemOfRecordOptions.Default"/>, <see cref="SurvivorshipOptions.Default"/>
/// and the parameterless defaults of the other option classes.
/// </summary>
public sealed class MasterDataOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "MasterData";

    /// <summary>Who may write each object type and, for suppliers, each field group (<c>MasterData:SystemOfRecord</c>). Default <see cref="SystemOfRecordOptions.Default"/>.</summary>
    public SystemOfRecordOptions SystemOfRecord { get; set; } = SystemOfRecordOptions.Default();

    /// <summary>Per-field rules of the golden supplier record (<c>MasterData:Survivorship</c>). Default <see cref="SurvivorshipOptions.Default"/>.</summary>
    public SurvivorshipOptions Survivorship { get; set; } = SurvivorshipOptions.Default();

    /// <summary>Weights and the candidate threshold of duplicate detection (<c>MasterData:SupplierDuplicates</c>). Default: threshold 0.6.</summary>
    public DuplicateDetectionOptions SupplierDuplicates { get; set; } = new();

    /// <summary>
    /// Candidate pairs scoring at least this are merged into one golden supplier automatically (and marked MERGED); pairs
    /// between <see cref="DuplicateDetectionOptions.Threshold"/> and this stay OPEN for a steward. Default 0.9, which with
    /// the default weights takes tax id plus bank account (or plus name): two strong, independent signals.
    /// </summary>
    public double AutoMergeThreshold { get; set; } = 0.9;

    /// <summary>How much superseded history each object keeps (<c>MasterData:History</c>). Default 100 versions, 730 days.</summary>
    public HistoryRetentionPolicy History { get; set; } = new();

    /// <summary>Fallback of point-in-time FX look-ups (<c>MasterData:FxFallback</c>). Default 3 business days back, no inverse rates.</summary>
    public FxFallbackPolicy FxFallback { get; set; } = new();

    /// <summary>Plausible effective dates (<c>MasterData:EffectiveDates</c>). Default 1990-01-01 to ten years ahead.</summary>
    public EffectiveDateWindow EffectiveDates { get; set; } = new();

    /// <summary>Options with every default; each call returns a new, independent instance.</summary>
    public static MasterDataOptions Default() => new();

    /// <summary>Every problem with these settings, each naming the setting and what to do.</summary>
    public IEnumerable<string> Validate()
    {
        IEnumerable<string> Missing(string name) => [$"{Section}:{name} is empty; remove the section to use the defaults."];

        var problems = (SystemOfRecord?.Validate() ?? Missing(nameof(SystemOfRecord)))
            .Concat(Survivorship?.Validate() ?? Missing(nameof(Survivorship)))
            .Concat(SupplierDuplicates?.Validate() ?? Missing(nameof(SupplierDuplicates)))
            .Concat(History?.Validate() ?? Missing(nameof(History)))
            .Concat(FxFallback?.Validate() ?? Missing(nameof(FxFallback)))
            .Concat(EffectiveDates?.Validate() ?? Missing(nameof(EffectiveDates)));
        foreach (var problem in problems)
            yield return problem;

        if (!(AutoMergeThreshold is > 0.0 and <= 1.0))
            yield return FormattableString.Invariant($"{Section}:AutoMergeThreshold is {AutoMergeThreshold}: use a number above 0 and at most 1 (default 0.9).");
        else if (SupplierDuplicates is not null && AutoMergeThreshold < SupplierDuplicates.Threshold)
            yield return FormattableString.Invariant(
                $"{Section}:AutoMergeThreshold {AutoMergeThreshold} is below {DuplicateDetectionOptions.Section}:Threshold {SupplierDuplicates.Threshold}: pairs are merged only once they are candidates; raise it.");
    }
}
