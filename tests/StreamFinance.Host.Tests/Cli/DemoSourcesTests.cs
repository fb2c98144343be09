using StreamFinance.Host.Cli;

namespace StreamFinance.Host.Tests.Cli;

public sealed class DemoSourcesTests
{
    private static IReadOnlyList<string> ShippedProfiles() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Profiles"), "*.yaml").Select(Path.GetFileNameWithoutExtension).Order().ToList()!;

    [Fact]
    public void Every_shipped_profile_has_sample_files_the_demo_drops()
    {
        var shipped = ShippedProfiles();

        Assert.NotEmpty(shipped);
        Assert.All(shipped, profile =>
        {
            Assert.True(DemoSources.SamplesByProfile.TryGetValue(profile, out var samples), $"profile {profile} has no demo samples in DemoSources.SamplesByProfile");
            Assert.All(samples, s => Assert.True(File.Exists(Path.Combine(DemoSources.SampleDirectory, s)), $"sample {s} of {profile} is missing"));
        });
    }

    [Fact]
    public void The_demo_declares_one_file_drop_connector_per_loaded_profile_and_copies_its_samples_into_its_inbox()
    {
        var work = Directory.CreateTempSubdirectory("sf-demo-sources-").FullName;
        try
        {
            var settings = DemoSources.Connectors(["sap-cost-centers", "not-shipped"], work);
            var copied = DemoSources.CopySamples(["sap-cost-centers", "not-shipped"], work);

            Assert.Equal("FileDrop", settings["Connectors:sap-cost-centers:Kind"]);
            Assert.Equal("sap-cost-centers", settings["Connectors:sap-cost-centers:Profile"]);
            var inbox = settings["Connectors:sap-cost-centers:FileDrop:Inbox"]!;
            Assert.StartsWith(work, inbox, StringComparison.Ordinal);
            Assert.DoesNotContain(settings.Keys, k => k.Contains("not-shipped", StringComparison.Ordinal));
            Assert.Equal(1, copied);
            Assert.True(File.Exists(Path.Combine(inbox, "cost-centers.csv")));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
