using System.Text.Json;
using StreamFinance.Connectors.Generator;
using StreamFinance.Connectors.Tests.Support;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.Expenses;

namespace StreamFinance.Connectors.Tests.Profiles;

/// <summary>
/// The expense policy's shipped defaults agree with the shipped master data (the generator's world and the vendor
/// samples): a default that names a tax code or GL account no shipped master data has, or an entity or currency the
/// defaults miss, turns every line of that entity into a dead letter on a fresh install. The shipped ERP exports of the
/// reference tables (SAP expense categories, Dynamics legal entities) say what the defaults say, so loading them changes
/// no outcome of the sample world.
/// </summary>
public sealed class ShippedDefaultsAgreeTests
{
    private readonly ExpenseOptions defaults = ExpenseOptions.Default();
    private readonly SampleWorld world = new();

    [Fact]
    public void Every_entity_of_the_shipped_master_data_has_a_default_tax_code_of_its_own_country_that_the_tax_table_holds()
    {
        var entities = world.Entities.Select(e => (e.Id, e.Country))
            .Concat(SampleLegalEntities().Select(e => (e.Id, Country: TwoLetterCountry(e.Country))))
            .Distinct()
            .ToList();

        Assert.All(entities, entity =>
        {
            Assert.True(defaults.DefaultTaxCodes.TryGetValue(entity.Id, out var code), $"no default tax code for {entity.Id}");
            var tax = Assert.Single(world.TaxCodes, t => t.Id == code);
            Assert.StartsWith(entity.Country, tax.Jurisdiction, StringComparison.Ordinal);
        });
        Assert.All(defaults.DefaultTaxCodes.Keys, id => Assert.Contains(id, entities.Select(e => e.Id)));
    }

    [Fact]
    public void Every_category_account_of_the_defaults_is_in_the_shipped_chart_of_accounts_and_the_generator_uses_the_same()
    {
        var chart = File.ReadLines(Path.Combine(ProfileSamples.SampleDirectory, "sap", "gl-accounts.csv")).Skip(1).Select(l => l.Split(';')[1]).ToHashSet();

        Assert.All(defaults.CategoryGlAccounts.Values, account => Assert.Contains(account, chart));
        Assert.Equal(world.Categories.ToDictionary(c => c.Name, c => c.GlAccountId).OrderBy(p => p.Key), defaults.CategoryGlAccounts.OrderBy(p => p.Key));
    }

    [Fact]
    public void Every_functional_currency_of_the_shipped_entities_has_a_receipt_threshold_and_every_limit_names_a_shipped_category()
    {
        var currencies = world.Entities.Select(e => e.Currency).Concat(SampleLegalEntities().Select(e => e.Currency)).Distinct();

        Assert.All(currencies, currency => Assert.True(defaults.ReceiptThresholds.ContainsKey(currency), $"no receipt threshold for {currency}"));
        Assert.All(defaults.CategoryLimits.Keys, category => Assert.Contains(category, world.Categories.Select(c => c.Name)));
        Assert.All(defaults.CategoryLimits.Values.SelectMany(l => l.Keys), currency => Assert.Contains(currency, currencies));
    }

    [Fact]
    public void The_shipped_expense_category_export_says_what_the_default_category_accounts_and_limits_say()
    {
        var categories = MappedSample.Of("sap-expense-categories", "sap/expense-categories.json").Records
            .Select(r => (ExpenseCategory)((MasterDataUpdate)r.Value).payload)
            .ToList();

        Assert.Equal(defaults.CategoryGlAccounts.OrderBy(p => p.Key), categories.ToDictionary(c => c.categoryId, c => c.glAccountId).OrderBy(p => p.Key));
        Assert.Equal(
            defaults.CategoryLimits.SelectMany(c => c.Value.Select(l => (Category: c.Key, Currency: l.Key, Limit: l.Value))).Order(),
            categories.SelectMany(c => c.limits.Select(l => (Category: c.categoryId, Currency: l.currency, Limit: l.ToDecimal()))).Order());
    }

    [Fact]
    public void The_shipped_legal_entity_export_carries_the_default_tax_codes_and_receipt_thresholds_of_the_defaults()
    {
        var entities = MappedSample.Of("d365-legal-entities", "d365/legal-entities.json").Records
            .Select(r => (LegalEntity)((MasterDataUpdate)r.Value).payload)
            .ToList();

        Assert.NotEmpty(entities);
        Assert.All(entities, entity =>
        {
            Assert.Equal(defaults.DefaultTaxCodes[entity.legalEntityId], entity.defaultTaxCodeId);
            Assert.Equal(entity.functionalCurrency, entity.receiptThreshold.currency);
            Assert.Equal(defaults.ReceiptThresholds[entity.functionalCurrency], entity.receiptThreshold.ToDecimal());
        });
    }

    // Dynamics sends ISO 3166 alpha-3 country codes; tax jurisdictions start with alpha-2.
    private static string TwoLetterCountry(string alpha3) =>
        System.Globalization.CultureInfo.GetCultures(System.Globalization.CultureTypes.SpecificCultures)
            .Select(c => new System.Globalization.RegionInfo(c.Name))
            .First(r => r.ThreeLetterISORegionName == alpha3).TwoLetterISORegionName;

    private static IEnumerable<(string Id, string Country, string Currency)> SampleLegalEntities()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(ProfileSamples.SampleDirectory, "d365", "legal-entities.json")));
        return json.RootElement.GetProperty("value").EnumerateArray()
            .Select(e => (e.GetProperty("LegalEntityId").GetString()!, e.GetProperty("AddressCountryRegionId").GetString()!, e.GetProperty("AccountingCurrency").GetString()!))
            .ToList();
    }
}
