using Microsoft.Extensions.Configuration;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Golden;
using StreamFinance.Host.Configuration;

namespace StreamFinance.Host.Tests.Configuration;

public sealed class MasterDataSettingsTests
{
    [Fact]
    public void Without_a_MasterData_section_every_policy_is_the_domain_default()
    {
        var settings = Bind();

        Assert.Equal(["sap-s4"], settings.MasterData.SystemOfRecord.ObjectTypes[MasterDataObjectTypes.Supplier].Owners);
        Assert.Equal(["d365"], settings.MasterData.SystemOfRecord.ObjectTypes[MasterDataObjectTypes.ExchangeRate].Owners);
        Assert.Equal(SurvivorshipRule.SystemOfRecordWins, settings.MasterData.Survivorship.FieldRules[SupplierFields.BankAccountFingerprint]);
        Assert.Equal((0.6, 0.9, 3, 100), (settings.MasterData.SupplierDuplicates.Threshold, settings.MasterData.AutoMergeThreshold,
            settings.MasterData.FxFallback.MaxDaysBack, settings.MasterData.History.MaxVersions));
    }

    [Fact]
    public void A_sub_section_given_replaces_that_concern_and_leaves_the_others_at_their_defaults()
    {
        var settings = Bind(
            ("MasterData:AutoMergeThreshold", "0.95"),
            ("MasterData:FxFallback:MaxDaysBack", "5"),
            ("MasterData:Survivorship:DefaultRule", "MostCompleteWins"),
            ("MasterData:Survivorship:SourcePriority:0", "coupa"),
            ("MasterData:Survivorship:FieldRules:contacts", "MostRecentWins"));

        Assert.Equal((0.95, 5), (settings.MasterData.AutoMergeThreshold, settings.MasterData.FxFallback.MaxDaysBack));
        Assert.Equal(["coupa"], settings.MasterData.Survivorship.SourcePriority);
        Assert.Equal([SupplierFields.Contacts], settings.MasterData.Survivorship.FieldRules.Keys);
        Assert.Equal(SurvivorshipRule.MostCompleteWins, settings.MasterData.Survivorship.DefaultRule);
        Assert.Equal(12, settings.MasterData.SystemOfRecord.ObjectTypes.Count);
    }

    [Fact]
    public void A_system_of_record_table_that_leaves_object_types_out_is_refused_naming_them()
    {
        var error = Assert.Throws<ConfigurationException>(() => Bind(("MasterData:SystemOfRecord:ObjectTypes:COST_CENTER:Owners:0", "sap-s4")));

        Assert.Contains("MasterData:SystemOfRecord:ObjectTypes:SUPPLIER is missing", error.Message);
        Assert.DoesNotContain("ObjectTypes:COST_CENTER is missing", error.Message);
    }

    [Fact]
    public void An_auto_merge_threshold_below_the_candidate_threshold_is_refused()
    {
        var error = Assert.Throws<ConfigurationException>(() => Bind(("MasterData:AutoMergeThreshold", "0.5")));

        Assert.Contains("MasterData:AutoMergeThreshold 0.5 is below MasterData:SupplierDuplicates:Threshold 0.6", error.Message);
    }

    [Theory]
    [InlineData("MasterData:AutoMerge", "0.9", "MasterData:AutoMerge is not a master-data setting")]
    [InlineData("MasterData:FxFallback:DaysBack", "2", "MasterData:FxFallback")]
    [InlineData("MasterData:AutoMergeThreshold", "high", "'high' is not a number")]
    public void An_unknown_or_unreadable_master_data_setting_is_refused(string key, string value, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => Bind((key, value)));

        Assert.Contains(expected, error.Message);
    }

    private static StreamFinanceSettings Bind(params (string Key, string Value)[] values) =>
        StreamFinanceSettings.Bind(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)))
            .Build());
}
