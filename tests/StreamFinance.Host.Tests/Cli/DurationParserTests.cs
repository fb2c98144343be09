using StreamFinance.Host.Cli;

namespace StreamFinance.Host.Tests.Cli;

public class DurationParserTests
{
    [Theory]
    [InlineData("20", 20)]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("2h", 7200)]
    [InlineData("1.5", 1.5)]
    [InlineData("500ms", 0.5)]
    [InlineData("00:01:30", 90)]
    public void Durations_are_read_in_seconds_units_or_clock_form(string text, double seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration, out var error), error);
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("5 parsecs")]
    public void Non_durations_are_refused_with_a_reason(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _, out var error));
        Assert.Contains(text, error);
    }
}
