using System.Text.RegularExpressions;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Tests.Support;

namespace StreamFinance.Connectors.Tests.Mapping;

public sealed class MappingProfileCatalogTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sf-profiles-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string ProfilePath => Path.Combine(directory, "test-cards.yaml");

    private static async Task<MappingProfilesReloadedEventArgs> NextReload(MappingProfileCatalog catalog, Action change)
    {
        var reloaded = new TaskCompletionSource<MappingProfilesReloadedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(object? sender, MappingProfilesReloadedEventArgs args) => reloaded.TrySetResult(args);
        catalog.Reloaded += Handler;
        try
        {
            change();
            return await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        }
        finally
        {
            catalog.Reloaded -= Handler;
        }
    }

    [Fact]
    public void The_profiles_README_lists_every_shipped_profile_with_its_format_and_target()
    {
        using var catalog = new MappingProfileCatalog(ProfileSamples.ProfileDirectory, watch: false);
        var readme = File.ReadAllText(Path.Combine(ProfileSamples.ProfileDirectory, "README.md"));

        foreach (var (name, profile) in catalog.Profiles)
            Assert.Matches($@"\| {Regex.Escape(name)} \| [^|]+ \| {Regex.Escape(profile.Format)} \| {Regex.Escape(profile.TargetTopic.Name)} \|", readme);
    }

    [Fact]
    public void Shipped_profiles_all_load_by_name()
    {
        using var catalog = new MappingProfileCatalog(ProfileSamples.ProfileDirectory, watch: false);

        Assert.Equal(
            ["brex-card-transactions", "concur-expense-entries", "coupa-invoices", "coupa-purchase-orders", "d365-exchange-rates", "d365-legal-entities",
             "edi-810-supplier-invoices", "edi-850-purchase-orders", "expensify-report-export", "netsuite-employees", "netsuite-projects", "ramp-card-transactions", "sap-cost-centers", "sap-expense-categories", "sap-gl-accounts", "sap-suppliers"],
            catalog.Profiles.Keys.Order());
        Assert.Equal("concur", catalog.Get("concur-expense-entries").SourceSystem);
        Assert.False(catalog.TryGet("nope", out _));
        Assert.Contains("sap-suppliers", Assert.Throws<KeyNotFoundException>(() => catalog.Get("nope")).Message);
    }

    [Fact]
    public async Task A_changed_profile_is_picked_up_without_a_restart()
    {
        File.WriteAllText(ProfilePath, MinimalProfile.Yaml);
        using var catalog = new MappingProfileCatalog(directory, debounce: TimeSpan.FromMilliseconds(50));
        Assert.Equal("7", catalog.Get("test-cards").ProfileVersion);

        var args = await NextReload(catalog, () => File.WriteAllText(ProfilePath, MinimalProfile.With("version: 7", "version: 8")));

        Assert.Empty(args.Rejected);
        Assert.Equal("8", catalog.Get("test-cards").ProfileVersion);
        Assert.Contains("test-cards@8", args.InForce);
    }

    [Fact]
    public async Task An_invalid_edit_is_rejected_and_the_previous_version_stays_in_force()
    {
        File.WriteAllText(ProfilePath, MinimalProfile.Yaml);
        using var catalog = new MappingProfileCatalog(directory, debounce: TimeSpan.FromMilliseconds(50));

        var args = await NextReload(catalog, () => File.WriteAllText(ProfilePath, MinimalProfile.With("version: 7", "version: 9").Replace("mcc:", "mccc:")));

        var rejected = Assert.Single(args.Rejected);
        Assert.Equal(ProfilePath, rejected.File);
        Assert.Contains("'mccc' is not a field of CardTransaction", rejected.Message);
        Assert.Equal("7", catalog.Get("test-cards").ProfileVersion);
    }

    [Fact]
    public void An_invalid_profile_at_start_stops_the_catalog_naming_the_file()
    {
        File.WriteAllText(ProfilePath, MinimalProfile.With("format: json", "format: xml"));

        var error = Assert.Throws<MappingProfileException>(() => new MappingProfileCatalog(directory, watch: false));

        Assert.Equal(ProfilePath, error.File);
    }

    [Fact]
    public void Two_files_with_one_profile_name_are_refused()
    {
        File.WriteAllText(ProfilePath, MinimalProfile.Yaml);
        File.WriteAllText(Path.Combine(directory, "copy.yaml"), MinimalProfile.Yaml);

        Assert.Contains("already used", Assert.Throws<MappingProfileException>(() => new MappingProfileCatalog(directory, watch: false)).Message);
    }
}
