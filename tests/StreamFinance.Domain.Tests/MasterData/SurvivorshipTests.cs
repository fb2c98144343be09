using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Golden;

namespace StreamFinance.Domain.Tests.MasterData;

public class SurvivorshipTests
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 31, 9, 0, 0, TimeSpan.Zero);
    private static readonly Survivorship Default = new();

    private static SourceRecord Record(string system, string id, DateTimeOffset updatedAt, params (string Field, string? Value)[] fields) =>
        new(new SourceReference(system, id), updatedAt, fields.ToDictionary(f => f.Field, f => f.Value));

    [Fact]
    public void Erp_wins_owned_fields_and_procurement_wins_contacts_by_default()
    {
        var erp = Record("sap-s4", "SUP-000123", Monday.AddDays(-10),
            ("legalName", "Müller Bürotechnik GmbH"), ("taxId", "DE811234567"), ("bankAccountFingerprint", "aa"), ("status", "ACTIVE"), ("contacts", "[erp]"));
        var procurement = Record("coupa", "77", Monday,
            ("legalName", "Mueller Office"), ("taxId", "DE999"), ("contacts", "[ana@mueller.de]"));

        var golden = Default.Merge([procurement, erp]);

        Assert.Equal("SUP-000123", golden.GoldenId);
        Assert.Equal("Müller Bürotechnik GmbH", golden.Fields["legalName"]);
        Assert.Equal("DE811234567", golden.Fields["taxId"]);
        Assert.Equal("[ana@mueller.de]", golden.Fields["contacts"]);
        Assert.Equal(new SourceReference("sap-s4", "SUP-000123"), golden.Lineage["legalName"]);
        Assert.Equal(new SourceReference("coupa", "77"), golden.Lineage["contacts"]);
        Assert.Equal([new SourceReference("coupa", "77"), new SourceReference("sap-s4", "SUP-000123")], golden.SourceReferences);
    }

    [Fact]
    public void Lower_priority_source_fills_a_field_the_system_of_record_has_no_value_for()
    {
        var erp = Record("sap-s4", "SUP-1", Monday, ("legalName", "Acme"), ("bankAccountFingerprint", null), ("country", "  "));
        var procurement = Record("coupa", "77", Monday, ("bankAccountFingerprint", "bb"), ("country", "DE"));

        var golden = Default.Merge([erp, procurement]);

        Assert.Equal("bb", golden.Fields["bankAccountFingerprint"]);
        Assert.Equal("DE", golden.Fields["country"]);
        Assert.Equal(new SourceReference("coupa", "77"), golden.Lineage["country"]);
    }

    [Fact]
    public void Field_no_source_has_a_value_for_is_null_without_lineage()
    {
        var golden = Default.Merge([Record("sap-s4", "SUP-1", Monday, ("riskStatus", null))]);

        Assert.Null(golden.Fields["riskStatus"]);
        Assert.False(golden.Lineage.ContainsKey("riskStatus"));
    }

    [Fact]
    public void Most_recent_wins_takes_the_latest_update_for_unlisted_fields()
    {
        var older = Record("sap-s4", "SUP-1", Monday.AddDays(-1), ("paymentTerms", "NET30"));
        var newer = Record("coupa", "77", Monday, ("paymentTerms", "NET45"));

        var golden = Default.Merge([older, newer]);

        Assert.Equal(SurvivorshipRule.MostRecentWins, Default.RuleFor("paymentTerms"));
        Assert.Equal("NET45", golden.Fields["paymentTerms"]);
    }

    [Fact]
    public void Most_recent_tie_goes_to_the_higher_priority_source()
    {
        var golden = Default.Merge([Record("coupa", "77", Monday, ("paymentTerms", "NET45")), Record("sap-s4", "SUP-1", Monday, ("paymentTerms", "NET30"))]);

        Assert.Equal("NET30", golden.Fields["paymentTerms"]);
    }

    [Fact]
    public void Most_complete_wins_takes_the_value_of_the_record_with_most_fields_filled()
    {
        var options = new SurvivorshipOptions { FieldRules = { ["address"] = SurvivorshipRule.MostCompleteWins } };
        var sparse = Record("sap-s4", "SUP-1", Monday, ("address", "Hauptstr. 1, 10115 Berlin, Germany"));
        var complete = Record("coupa", "77", Monday.AddDays(-30), ("address", "Hauptstr. 1"), ("phone", "+49301234"), ("website", "mueller.de"));

        var golden = new Survivorship(options).Merge([sparse, complete]);

        Assert.Equal("Hauptstr. 1", golden.Fields["address"]);
        Assert.Equal(new SourceReference("coupa", "77"), golden.Lineage["address"]);
    }

    [Fact]
    public void Most_complete_tie_goes_to_the_longer_value()
    {
        var options = new SurvivorshipOptions { FieldRules = { ["address"] = SurvivorshipRule.MostCompleteWins } };

        var golden = new Survivorship(options).Merge(
        [
            Record("a", "1", Monday, ("address", "Hauptstr. 1")),
            Record("b", "2", Monday, ("address", "Hauptstr. 1, Berlin")),
        ]);

        Assert.Equal("Hauptstr. 1, Berlin", golden.Fields["address"]);
    }

    [Fact]
    public void Two_records_from_the_same_system_of_record_are_decided_by_recency_then_source_id()
    {
        var golden = Default.Merge(
        [
            Record("sap-s4", "SUP-2", Monday, ("legalName", "Newer")),
            Record("sap-s4", "SUP-1", Monday.AddDays(-1), ("legalName", "Older")),
            Record("sap-s4", "SUP-3", Monday, ("taxId", "X")),
        ]);

        Assert.Equal("Newer", golden.Fields["legalName"]);
        Assert.Equal("SUP-1", golden.GoldenId);
    }

    [Fact]
    public void Golden_id_without_an_erp_record_is_the_prefixed_id_of_the_most_trusted_source()
    {
        Assert.Equal("coupa:77", Default.Merge([Record("coupa", "77", Monday, ("legalName", "Acme")), Record("ariba", "A", Monday)]).GoldenId);
        Assert.Equal("ariba:A", Default.GoldenIdOf([new SourceReference("edi", "Z"), new SourceReference("ariba", "A")]));
    }

    [Fact]
    public void Configured_source_priority_changes_the_winner()
    {
        var options = new SurvivorshipOptions
        {
            SourcePriority = ["coupa", "sap-s4"],
            FieldRules = { ["legalName"] = SurvivorshipRule.SystemOfRecordWins },
        };

        var golden = new Survivorship(options).Merge([Record("sap-s4", "SUP-1", Monday, ("legalName", "ERP name")), Record("coupa", "77", Monday, ("legalName", "Coupa name"))]);

        Assert.Equal("Coupa name", golden.Fields["legalName"]);
        Assert.Equal("77", golden.GoldenId);
    }

    [Fact]
    public void Duplicate_source_records_and_empty_input_are_refused()
    {
        var record = Record("sap-s4", "SUP-1", Monday);

        var duplicate = Assert.Throws<ArgumentException>(() => Default.Merge([record, record with { }]));
        Assert.Contains("sap-s4:SUP-1 is given 2 times", duplicate.Message);
        Assert.Throws<ArgumentException>(() => Default.Merge([]));
    }

    [Fact]
    public void System_of_record_rule_without_any_priority_is_an_invalid_setting()
    {
        var options = new SurvivorshipOptions { FieldRules = { ["taxId"] = SurvivorshipRule.SystemOfRecordWins } };

        var error = Assert.Throws<ArgumentException>(() => new Survivorship(options));

        Assert.Contains("field taxId uses SystemOfRecordWins but no source priority is given", error.Message);
    }

    [Fact]
    public void Field_priority_alone_is_enough_for_a_system_of_record_rule()
    {
        var options = new SurvivorshipOptions
        {
            FieldRules = { ["taxId"] = SurvivorshipRule.SystemOfRecordWins },
            FieldSourcePriority = { ["taxId"] = ["vies"] },
        };

        var golden = new Survivorship(options).Merge([Record("sap-s4", "1", Monday, ("taxId", "A")), Record("vies", "2", Monday.AddDays(-100), ("taxId", "B"))]);

        Assert.Equal("B", golden.Fields["taxId"]);
    }

    [Fact]
    public void Default_options_are_valid_and_cover_every_supplier_field()
    {
        var options = SurvivorshipOptions.Default();

        Assert.Empty(options.Validate());
        Assert.Equal(["sap-s4", "coupa"], options.SourcePriority);
        Assert.Equal(8, options.FieldRules.Count);
        Assert.All(options.FieldRules.Values, rule => Assert.Equal(SurvivorshipRule.SystemOfRecordWins, rule));
        Assert.Equal(["coupa", "sap-s4"], options.FieldSourcePriority[SupplierFields.Contacts]);
    }
}
