using StreamFinance.Connectors.Runtime;
using StreamFinance.Connectors.Sources.Formats;
using StreamFinance.Connectors.Tests.Support;

namespace StreamFinance.Connectors.Tests.Runtime;

public sealed class IngestItemsTests
{
    [Fact]
    public void A_profile_mapping_failure_names_the_record_position_once()
    {
        var mapper = ProfileSamples.Profile("concur-expense-entries");
        var bytes = File.ReadAllBytes(Path.Combine(ProfileSamples.SampleDirectory, "concur", "expense-entries-page-1.json"));

        var failed = IngestItems.Read(SourceFormats.Default.Get(mapper.Format), mapper, bytes, "page-1.json", ProfileSamples.IngestTime)
            .Where(i => i.Failure is not null)
            .ToList();

        Assert.Equal(2, failed.Count);
        Assert.All(failed, item =>
        {
            var position = item.Position.ToString();
            var message = item.Failure!.Message;
            Assert.Equal(message.IndexOf(position, StringComparison.Ordinal), message.LastIndexOf(position, StringComparison.Ordinal));
            Assert.Contains(position, message, StringComparison.Ordinal);
        });
    }
}
