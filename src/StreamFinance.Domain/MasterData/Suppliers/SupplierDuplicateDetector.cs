using System.Globalization;

namespace StreamFinance.Domain.MasterData.Suppliers;

/// <summary>
/// Finds candidate duplicate suppliers. The topology keeps an index per blocking key (<see cref="BlockingKeys"/>) and,
/// when a supplier record is new or changed, passes the records sharing any of its keys to <see cref="FindCandidates"/>.
/// Scoring (<see cref="Score"/>) is symmetric, never pairs a record with itself, and is in [0, 1]; see
/// <see cref="DuplicateDetectionOptions"/> for weights and threshold. Immutable and thread-safe.
/// </summary>
public sealed class SupplierDuplicateDetector
{
    /// <summary>Prefix of the normalised-name blocking key.</summary>
    public const string NameKeyPrefix = "name:";

    /// <summary>Prefix of the normalised-tax-id blocking key.</summary>
    public const string TaxIdKeyPrefix = "tax:";

    /// <summary>Prefix of the bank-account-fingerprint blocking key.</summary>
    public const string BankAccountKeyPrefix = "bank:";

    private readonly DuplicateDetectionOptions options;

    /// <summary>
    /// A detector with <paramref name="options"/> (default: <see cref="DuplicateDetectionOptions"/> defaults). Throws
    /// <see cref="ArgumentException"/> listing every problem when the options are invalid.
    /// </summary>
    public SupplierDuplicateDetector(DuplicateDetectionOptions? options = null)
    {
        options ??= new DuplicateDetectionOptions();
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
            throw new ArgumentException($"Duplicate detection settings are invalid: {string.Join(" ", problems)}", nameof(options));
        this.options = new DuplicateDetectionOptions
        {
            Threshold = options.Threshold, TaxIdWeight = options.TaxIdWeight, BankAccountWeight = options.BankAccountWeight,
            ExactNameWeight = options.ExactNameWeight, FuzzyNameWeight = options.FuzzyNameWeight,
            FuzzyNameMinimumSimilarity = options.FuzzyNameMinimumSimilarity,
        };
    }

    /// <summary>
    /// The index keys under which <paramref name="supplier"/> is filed and looked up: <c>name:</c> normalised name,
    /// <c>tax:</c> normalised tax id, <c>bank:</c> fingerprint; a key is left out when its value is empty.
    /// </summary>
    public static IReadOnlyList<string> BlockingKeys(SupplierMatchRecord supplier)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        var keys = new List<string>(3);
        if (supplier.NormalizedName.Length > 0)
            keys.Add(NameKeyPrefix + supplier.NormalizedName);
        if (supplier.NormalizedTaxId.Length > 0)
            keys.Add(TaxIdKeyPrefix + supplier.NormalizedTaxId);
        if (supplier.NormalizedBankAccountFingerprint.Length > 0)
            keys.Add(BankAccountKeyPrefix + supplier.NormalizedBankAccountFingerprint);
        return keys;
    }

    /// <summary>The deterministic id of the pair of <paramref name="a"/> and <paramref name="b"/>: <c>{lower}|{higher}</c>.</summary>
    public static string PairIdOf(SourceReference a, SourceReference b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.CompareTo(b) <= 0 ? $"{a}|{b}" : $"{b}|{a}";
    }

    /// <summary>
    /// The candidate pairs of <paramref name="subject"/> with <paramref name="candidates"/> that score at least the
    /// threshold, best first (then by pair id). Candidates with the subject's own source reference are skipped, and a
    /// candidate listed more than once (found under several blocking keys) counts once, as first listed.
    /// </summary>
    public IReadOnlyList<SupplierDuplicatePair> FindCandidates(SupplierMatchRecord subject, IEnumerable<SupplierMatchRecord> candidates)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(candidates);
        var seen = new HashSet<SourceReference> { subject.Source };
        var pairs = new List<SupplierDuplicatePair>();
        foreach (var candidate in candidates)
        {
            if (candidate is null || !seen.Add(candidate.Source))
                continue;
            var pair = Score(subject, candidate);
            if (pair.Score >= options.Threshold)
                pairs.Add(pair);
        }
        pairs.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : string.CompareOrdinal(x.PairId, y.PairId));
        return pairs;
    }

    /// <summary>
    /// Scores two records regardless of the threshold. Symmetric: Score(a, b) equals Score(b, a). Throws
    /// <see cref="ArgumentException"/> when both have the same source reference (a record is never its own duplicate).
    /// </summary>
    public SupplierDuplicatePair Score(SupplierMatchRecord a, SupplierMatchRecord b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Source.Equals(b.Source))
            throw new ArgumentException($"Supplier record {a.Source} cannot be scored against itself.", nameof(b));
        if (a.Source.CompareTo(b.Source) > 0)
            (a, b) = (b, a);

        var evidence = new List<DuplicateEvidence>();
        if (a.NormalizedTaxId.Length > 0 && a.NormalizedTaxId == b.NormalizedTaxId)
            evidence.Add(new DuplicateEvidence(DuplicateEvidenceKind.SameTaxId, $"same tax id {a.NormalizedTaxId}", options.TaxIdWeight));
        if (a.NormalizedBankAccountFingerprint.Length > 0 && a.NormalizedBankAccountFingerprint == b.NormalizedBankAccountFingerprint)
            evidence.Add(new DuplicateEvidence(DuplicateEvidenceKind.SameBankAccount, $"same bank account fingerprint {Abbreviate(a.NormalizedBankAccountFingerprint)}", options.BankAccountWeight));
        if (a.NormalizedName.Length > 0 && b.NormalizedName.Length > 0)
        {
            if (a.NormalizedName == b.NormalizedName)
                evidence.Add(new DuplicateEvidence(DuplicateEvidenceKind.SameNormalizedName, $"names match after normalisation: '{a.NormalizedName}'", options.ExactNameWeight));
            else
            {
                var similarity = Math.Round(JaroWinkler.Similarity(a.NormalizedName, b.NormalizedName), 2);
                if (similarity >= options.FuzzyNameMinimumSimilarity)
                    evidence.Add(new DuplicateEvidence(
                        DuplicateEvidenceKind.SimilarName,
                        $"name similarity {similarity.ToString("0.00", CultureInfo.InvariantCulture)} (Jaro-Winkler): '{a.NormalizedName}' vs '{b.NormalizedName}'",
                        options.FuzzyNameWeight * similarity));
            }
        }
        if (a.NormalizedCountry.Length > 0 && b.NormalizedCountry.Length > 0 && a.NormalizedCountry != b.NormalizedCountry)
            evidence.Add(new DuplicateEvidence(DuplicateEvidenceKind.DifferentCountry, $"countries differ: {a.NormalizedCountry} vs {b.NormalizedCountry}", 0.0));

        var score = Math.Round(Math.Min(1.0, evidence.Sum(e => e.Weight)), 4);
        return new SupplierDuplicatePair(PairIdOf(a.Source, b.Source), a.Source, b.Source, score, evidence);
    }

    private static string Abbreviate(string fingerprint) => fingerprint.Length <= 12 ? fingerprint : fingerprint[..12] + "…";
}
