using Microsoft.Extensions.Configuration;
using StreamFinance.Host.Configuration;

namespace StreamFinance.Host.Tests.Configuration;

public sealed class PostingSettingsTests
{
    [Fact]
    public void Without_a_Posting_section_windows_are_hourly_with_ten_minutes_grace()
    {
        var settings = Bind();

        Assert.Equal((TimeSpan.FromHours(1), TimeSpan.FromMinutes(10), "2100"),
            (settings.Posting.WindowSize, settings.Posting.GracePeriod, settings.Posting.EmployeePayableAccount));
    }

    [Fact]
    public void The_Posting_section_sets_windows_and_accounts()
    {
        var settings = Bind(("Posting:WindowSize", "00:15:00"), ("Posting:GracePeriod", "00:02:00"), ("Posting:CardClearingAccount", "2199"));

        Assert.Equal((TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(2), "2199"),
            (settings.Posting.WindowSize, settings.Posting.GracePeriod, settings.Posting.CardClearingAccount));
    }

    [Theory]
    [InlineData("Posting:WindowSize", "00:07:00", "Posting:WindowSize is 00:07:00")]
    [InlineData("Posting:IntercompanyDueFromAccount", "2300", "IntercompanyDueToAccount and IntercompanyDueFromAccount are both '2300'")]
    [InlineData("Posting:Window", "01:00:00", "'Posting'")]
    [InlineData("Posting:GracePeriod", "ten minutes", "Posting:GracePeriod")]
    public void An_invalid_unknown_or_unreadable_posting_setting_is_refused(string key, string value, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => Bind((key, value)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static StreamFinanceSettings Bind(params (string Key, string Value)[] values) =>
        StreamFinanceSettings.Bind(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)))
            .Build());
}
