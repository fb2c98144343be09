namespace StreamFinance.Domain.MasterData.Suppliers;

/// <summary>
/// Weights and threshold of <see cref="SupplierDuplicateDetector"/>. A pair's score is the sum of the weights of its
/// evidence, capped at 1. With the defaults a single signal (at most 0.5) never reaches the threshold: two independent
/// signals are needed, e.g. tax id and bank account, or bank account and name. Bound from the <see cref="Section"/> section.
/// </summary>
public sealed class DuplicateDetectionOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "MasterData:SupplierDuplicates";

    /// <summary>Pairs scoring at least this are reported to <c>md.supplier-duplicates</c>. Default 0.6.</summary>
    public double Threshold { get; set; } = 0.6;

    /// <summary>Weight of equal normalised tax ids. Default 0.5.</summary>
    public double TaxIdWeight { get; set; } = 0.5;

    /// <summary>Weight of equal bank account fingerprints. Default 0.4.</summary>
    public double BankAccountWeight { get; set; } = 0.4;

    /// <summary>Weight of equal normalised names. Default 0.4.</summary>
    public double ExactNameWeight { get; set; } = 0.4;

    /// <summary>
    /// Weight of similar (not equal) normalised names, multiplied by their Jaro-Winkler similarity, so at most this.
    /// Default 0.3.
    /// </summary>
    public double FuzzyNameWeight { get; set; } = 0.3;

    /// <summary>Names less similar than this give no evidence. Default 0.85.</summary>
    public double FuzzyNameMinimumSimilarity { get; set; } = 0.85;

    /// <summary>Every problem with these settings, each phrased so a person can fix it.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (var (name, value) in new[]
                 {
                     (nameof(Threshold), Threshold), (nameof(TaxIdWeight), TaxIdWeight), (nameof(BankAccountWeight), BankAccountWeight),
                     (nameof(ExactNameWeight), ExactNameWeight), (nameof(FuzzyNameWeight), FuzzyNameWeight),
                     (nameof(FuzzyNameMinimumSimilarity), FuzzyNameMinimumSimilarity),
                 })
            if (!(value is >= 0.0 and <= 1.0))
                yield return FormattableString.Invariant($"{Section}:{name} is {value}: use a number from 0 to 1.");
        if (Threshold == 0.0)
            yield return $"{Section}:Threshold is 0: every candidate pair would be reported; use a threshold above 0 (default 0.6).";
    }
}
