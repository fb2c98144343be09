using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Suppliers;

namespace StreamFinance.Domain.Tests.MasterData;

public class SupplierDuplicateDetectorPropertyTests
{
    private static readonly string?[] Names = [null, "Acme Inc", "ACME", "Acme Corp.", "Acmes", "Globex GmbH", "Globe X", "Müller", "Mueller"];
    private static readonly string?[] TaxIds = [null, "DE1", "de-1", "DE2", ""];
    private static readonly string?[] Banks = [null, "aa", "AA", "bb"];
    private static readonly string?[] Countries = [null, "DE", "AT"];
    private static readonly string[] Systems = ["sap-s4", "coupa"];

    private static SupplierMatchRecord Record(byte[] picks, int offset) =>
        new(new SourceReference(Systems[Pick(picks, offset) % 2], (Pick(picks, offset + 1) % 3).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Names[Pick(picks, offset + 2) % Names.Length], TaxIds[Pick(picks, offset + 3) % TaxIds.Length],
            Banks[Pick(picks, offset + 4) % Banks.Length], Countries[Pick(picks, offset + 5) % Countries.Length]);

    private static int Pick(byte[] picks, int index) => picks.Length == 0 ? 0 : picks[index % picks.Length];

    [Property]
    public Property Score_is_symmetric_and_within_zero_and_one(byte[] picks, NormalFloat taxWeight, NormalFloat fuzzyWeight)
    {
        var a = Record(picks, 0);
        var b = Record(picks, 6);
        if (a.Source.Equals(b.Source))
            return true.ToProperty();
        var detector = new SupplierDuplicateDetector(new DuplicateDetectionOptions
        {
            TaxIdWeight = Math.Abs(taxWeight.Get) % 1.0, FuzzyNameWeight = Math.Abs(fuzzyWeight.Get) % 1.0, FuzzyNameMinimumSimilarity = 0.5,
        });

        var ab = detector.Score(a, b);
        var ba = detector.Score(b, a);

        return (ab.Score is >= 0.0 and <= 1.0
                && ab.Score == ba.Score
                && ab.PairId == ba.PairId
                && ab.First == ba.First
                && ab.Evidence.SequenceEqual(ba.Evidence))
            .Label($"{a} / {b}: {ab.Score} vs {ba.Score}");
    }

    [Property]
    public bool Candidates_never_include_the_subject_and_all_reach_the_threshold(byte[] picks)
    {
        var subject = Record(picks, 0);
        var candidates = Enumerable.Range(1, 6).Select(i => Record(picks, i * 6)).ToList();
        var detector = new SupplierDuplicateDetector();

        var pairs = detector.FindCandidates(subject, candidates);

        return pairs.All(p => p.Score >= 0.6 && p.First != p.Second && (p.First == subject.Source || p.Second == subject.Source))
               && pairs.Select(p => p.PairId).Distinct().Count() == pairs.Count;
    }
}
