using StreamFinance.Kafka.Observability;

namespace StreamFinance.Topologies.Tests.Observability;

public sealed class MetricNamingTests
{
    [Fact]
    public void A_counter_name_gets_the_streamfinance_prefix()
    {
        Assert.Equal("streamfinance_expenses_posted_total", MetricNaming.Qualify("expenses_posted_total", MetricKind.Counter));
    }

    [Fact]
    public void A_counter_name_without_total_is_refused_with_the_name_to_use()
    {
        var error = Assert.Throws<ArgumentException>(() => MetricNaming.Qualify("expenses_posted", MetricKind.Counter));

        Assert.Contains("expenses_posted_total", error.Message);
    }

    [Theory]
    [InlineData(MetricKind.Gauge)]
    [InlineData(MetricKind.Histogram)]
    public void Only_counters_may_end_in_total(MetricKind kind)
    {
        var error = Assert.Throws<ArgumentException>(() => MetricNaming.Qualify("open_postings_total", kind));

        Assert.Contains("only counters end in _total", error.Message);
    }

    [Theory]
    [InlineData("posting_latency_ms", "ms")]
    [InlineData("posting_latency_milliseconds", "milliseconds")]
    [InlineData("batch_size_kilobytes", "kilobytes")]
    [InlineData("match_rate_percent", "percent")]
    [InlineData("window_age_minutes", "minutes")]
    public void Non_base_units_are_refused_naming_the_unit(string name, string unit)
    {
        var error = Assert.Throws<ArgumentException>(() => MetricNaming.Qualify(name, MetricKind.Gauge));

        Assert.Contains($"'{unit}' is not a base unit", error.Message);
        Assert.Contains("seconds", error.Message);
    }

    [Fact]
    public void A_name_given_with_the_prefix_is_refused_with_the_name_without_it()
    {
        var error = Assert.Throws<ArgumentException>(() => MetricNaming.Qualify("streamfinance_postings_total", MetricKind.Counter));

        Assert.Contains("'postings_total'", error.Message);
    }

    [Theory]
    [InlineData("ExpensesPosted_total")]
    [InlineData("expenses__posted_total")]
    [InlineData("expenses-posted_total")]
    [InlineData("_expenses_total")]
    [InlineData("9_expenses_total")]
    [InlineData("")]
    public void Names_that_are_not_lower_snake_case_are_refused(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => MetricNaming.Qualify(name, MetricKind.Counter));

        Assert.Contains("lower-case letters", error.Message);
    }

    [Theory]
    [InlineData("journal_lines_count")]
    [InlineData("journal_amount_sum")]
    [InlineData("posting_bucket")]
    public void Suffixes_reserved_for_histogram_series_are_refused(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => MetricNaming.Qualify(name, MetricKind.Gauge));

        Assert.Contains("reserves the suffix", error.Message);
    }

    [Theory]
    [InlineData("Entity")]
    [InlineData("legal-entity")]
    [InlineData("__name")]
    public void Invalid_label_names_are_refused_by_name(string label)
    {
        var error = Assert.Throws<ArgumentException>(() => MetricNaming.ValidateLabels("streamfinance_x_total", [label], MetricKind.Counter));

        Assert.Contains($"'{label}'", error.Message);
    }

    [Fact]
    public void A_histogram_cannot_have_a_label_named_le()
    {
        var error = Assert.Throws<ArgumentException>(() => MetricNaming.ValidateLabels("streamfinance_x_seconds", ["le"], MetricKind.Histogram));

        Assert.Contains("'le'", error.Message);
    }

    [Fact]
    public void Label_names_must_be_distinct()
    {
        Assert.Throws<ArgumentException>(() => MetricNaming.ValidateLabels("streamfinance_x_total", ["entity", "entity"], MetricKind.Counter));
    }

    [Theory]
    [InlineData("commit-latency-avg", "commit_latency_avg")]
    [InlineData("stream_threads", "stream_threads")]
    [InlineData("broker.latency--avg", "broker_latency_avg")]
    [InlineData("Thread-Start-Time", "thread_start_time")]
    public void Foreign_names_become_snake_case(string raw, string expected)
    {
        Assert.Equal(expected, MetricNaming.ToSnakeCase(raw));
    }
}
