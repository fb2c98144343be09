using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Suppliers;

namespace StreamFinance.Domain.Tests.MasterData;

public class SupplierDuplicateDetectorTests
{
    private const string Fingerprint = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static readonly SupplierDuplicateDetector Detector = new();

    private static SupplierMatchRecord Supplier(string system, string id, string? name, string? taxId = null, string? bank = null, string? country = "DE") =>
        new(new SourceReference(system, id), name, taxId, bank, country);

    [Fact]
    public void Same_tax_id_and_bank_account_make_a_candidate_with_both_as_evidence()
    {
        var erp = Supplier("sap-s4", "SUP-1", "Müller Bürotechnik GmbH", "DE 811 234 567", Fingerprint);
        var procurement = Supplier("coupa", "77", "Office Supplies Mueller", "de811234567", Fingerprint.ToUpperInvariant());

        var pair = Assert.Single(Detector.FindCandidates(procurement, [erp]));

        Assert.Equal(0.9, pair.Score);
        Assert.Equal("coupa:77|sap-s4:SUP-1", pair.PairId);
        Assert.Equal(new SourceReference("coupa", "77"), pair.First);
        Assert.Equal(new SourceReference("sap-s4", "SUP-1"), pair.Second);
        Assert.Equal(
            ["same tax id DE811234567", "same bank account fingerprint 9f86d081884c…"],
            pair.Evidence.Select(e => e.Description));
    }

    [Fact]
    public void Names_equal_after_normalisation_count_as_exact_name_evidence()
    {
        var a = Supplier("sap-s4", "SUP-1", "Müller Bürotechnik GmbH", bank: Fingerprint);
        var b = Supplier("coupa", "77", "MULLER BUROTECHNIK G.m.b.H.", bank: Fingerprint);

        var pair = Detector.Score(a, b);

        Assert.Equal(0.8, pair.Score);
        Assert.Contains(pair.Evidence, e => e.Kind == DuplicateEvidenceKind.SameNormalizedName && e.Description == "names match after normalisation: 'muller burotechnik'");
    }

    [Fact]
    public void Similar_names_add_their_jaro_winkler_similarity_times_the_fuzzy_weight()
    {
        var a = Supplier("sap-s4", "SUP-1", "Mueller Burotechnik GmbH", taxId: "DE811234567");
        var b = Supplier("coupa", "77", "Muller Burotechnik", taxId: "DE811234567");

        var pair = Detector.Score(a, b);

        var fuzzy = Assert.Single(pair.Evidence, e => e.Kind == DuplicateEvidenceKind.SimilarName);
        Assert.StartsWith("name similarity 0.9", fuzzy.Description);
        Assert.EndsWith("(Jaro-Winkler): 'muller burotechnik' vs 'mueller burotechnik'", fuzzy.Description);
        Assert.InRange(fuzzy.Weight, 0.27, 0.3);
        Assert.Equal(Math.Round(0.5 + fuzzy.Weight, 4), pair.Score);
    }

    [Fact]
    public void Dissimilar_names_give_no_name_evidence()
    {
        var pair = Detector.Score(Supplier("sap-s4", "1", "Acme"), Supplier("coupa", "2", "Globex"));

        Assert.Empty(pair.Evidence);
        Assert.Equal(0.0, pair.Score);
    }

    [Fact]
    public void A_single_signal_stays_below_the_default_threshold()
    {
        var a = Supplier("sap-s4", "1", "Acme", taxId: "DE1");
        var b = Supplier("coupa", "2", "Globex", taxId: "DE1");

        Assert.Equal(0.5, Detector.Score(a, b).Score);
        Assert.Empty(Detector.FindCandidates(a, [b]));
    }

    [Fact]
    public void Score_is_capped_at_one()
    {
        var a = Supplier("sap-s4", "1", "Acme Inc", "DE1", Fingerprint);
        var b = Supplier("coupa", "2", "ACME", "DE1", Fingerprint);

        Assert.Equal(1.0, Detector.Score(a, b).Score);
    }

    [Fact]
    public void Different_countries_are_shown_as_evidence_without_changing_the_score()
    {
        var a = Supplier("sap-s4", "1", "Acme", "DE1", Fingerprint, country: "de");
        var b = Supplier("coupa", "2", "Acme", "DE1", Fingerprint, country: "AT");

        var pair = Detector.Score(a, b);

        Assert.Equal(1.0, pair.Score);
        var country = Assert.Single(pair.Evidence, e => e.Kind == DuplicateEvidenceKind.DifferentCountry);
        Assert.Equal("countries differ: AT vs DE", country.Description);
        Assert.Equal(0.0, country.Weight);
    }

    [Fact]
    public void Missing_values_never_match_each_other()
    {
        var pair = Detector.Score(Supplier("sap-s4", "1", null, null, null, null), Supplier("coupa", "2", "", " ", "", ""));

        Assert.Empty(pair.Evidence);
    }

    [Fact]
    public void A_record_is_never_paired_with_itself_and_repeated_candidates_count_once()
    {
        var subject = Supplier("sap-s4", "1", "Acme", "DE1", Fingerprint);
        var itselfChanged = Supplier("sap-s4", "1", "Acme Old", "DE1", Fingerprint);
        var other = Supplier("coupa", "2", "Acme", "DE1", Fingerprint);

        var pairs = Detector.FindCandidates(subject, [itselfChanged, other, other]);

        Assert.Equal("coupa:2|sap-s4:1", Assert.Single(pairs).PairId);
        Assert.Throws<ArgumentException>(() => Detector.Score(subject, itselfChanged));
    }

    [Fact]
    public void Candidates_are_ordered_best_first_then_by_pair_id()
    {
        var subject = Supplier("sap-s4", "1", "Acme", "DE1", Fingerprint);
        var strong = Supplier("coupa", "9", "Acme", "DE1", Fingerprint);
        var weakB = Supplier("ariba", "B", "Other", "DE1", Fingerprint);
        var weakA = Supplier("ariba", "A", "Other", "DE1", Fingerprint);

        var pairs = Detector.FindCandidates(subject, [weakB, strong, weakA]);

        Assert.Equal(["coupa:9|sap-s4:1", "ariba:A|sap-s4:1", "ariba:B|sap-s4:1"], pairs.Select(p => p.PairId));
    }

    [Fact]
    public void Threshold_and_weights_are_configurable()
    {
        var strict = new SupplierDuplicateDetector(new DuplicateDetectionOptions { Threshold = 0.95 });
        var lenient = new SupplierDuplicateDetector(new DuplicateDetectionOptions { Threshold = 0.5, TaxIdWeight = 0.6 });
        var a = Supplier("sap-s4", "1", "Acme", "DE1", Fingerprint);
        var b = Supplier("coupa", "2", "Globex", "DE1", Fingerprint);
        var taxOnly = Supplier("coupa", "3", "Globex", "DE1");

        Assert.Empty(strict.FindCandidates(a, [b]));
        Assert.Equal(0.6, Assert.Single(lenient.FindCandidates(a, [taxOnly])).Score);
    }

    [Fact]
    public void Invalid_options_are_rejected_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => new SupplierDuplicateDetector(new DuplicateDetectionOptions { Threshold = 1.5, BankAccountWeight = -0.1 }));

        Assert.Contains("MasterData:SupplierDuplicates:Threshold is 1.5", error.Message);
        Assert.Contains("MasterData:SupplierDuplicates:BankAccountWeight is -0.1", error.Message);
    }

    [Fact]
    public void Default_options_are_documented_values()
    {
        var options = new DuplicateDetectionOptions();

        Assert.Equal((0.6, 0.5, 0.4, 0.4, 0.3), (options.Threshold, options.TaxIdWeight, options.BankAccountWeight, options.ExactNameWeight, options.FuzzyNameWeight));
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Blocking_keys_are_the_normalised_name_tax_id_and_fingerprint_that_are_present()
    {
        Assert.Equal(
            ["name:muller burotechnik", "tax:DE811234567", "bank:" + Fingerprint],
            SupplierDuplicateDetector.BlockingKeys(Supplier("sap-s4", "1", "Müller Bürotechnik GmbH", "de-811.234.567", " " + Fingerprint.ToUpperInvariant())));
        Assert.Equal(["name:acme"], SupplierDuplicateDetector.BlockingKeys(Supplier("coupa", "2", "ACME Ltd")));
        Assert.Empty(SupplierDuplicateDetector.BlockingKeys(Supplier("coupa", "3", null)));
    }

    [Fact]
    public void Pair_id_is_the_same_whichever_record_comes_first()
    {
        var a = new SourceReference("sap-s4", "1");
        var b = new SourceReference("coupa", "2");

        Assert.Equal(SupplierDuplicateDetector.PairIdOf(a, b), SupplierDuplicateDetector.PairIdOf(b, a));
        Assert.Equal("coupa:2|sap-s4:1", SupplierDuplicateDetector.PairIdOf(a, b));
    }
}
