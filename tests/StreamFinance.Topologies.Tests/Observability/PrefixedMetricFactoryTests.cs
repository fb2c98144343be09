using Prometheus;
using StreamFinance.Embedded.SchemaRegistry;
using StreamFinance.Kafka;
using StreamFinance.Kafka.Observability;
using StreamFinance.Kafka.SerDes;
using StreamFinance.TestSupport.Metrics;
using StreamFinance.Topologies.Expenses;
using StreamFinance.Topologies.Tests.Support;

namespace StreamFinance.Topologies.Tests.Observability;

public sealed class PrefixedMetricFactoryTests
{
    [Fact]
    public async Task A_business_counter_is_served_with_prefix_help_and_labels()
    {
        var registry = new TestRegistry();

        var posted = registry.Factory.Counter("expenses_posted_total", "Expenses posted to the ledger.", "entity", "currency");
        posted.WithLabels("DE01", "EUR").Inc(3);

        var text = await registry.ExportAsync();
        Assert.Equal(3, text.Value("streamfinance_expenses_posted_total", ("entity", "DE01"), ("currency", "EUR")));
        Assert.Equal("Expenses posted to the ledger.", text.Help("streamfinance_expenses_posted_total"));
    }

    [Fact]
    public void Asking_twice_for_the_same_metric_returns_the_same_metric()
    {
        var registry = new TestRegistry();

        var first = registry.Factory.Counter("expenses_posted_total", "Expenses posted.", "entity");
        var second = registry.Factory.Counter("expenses_posted_total", "Expenses posted.", "entity");
        first.WithLabels("DE01").Inc();

        Assert.Equal(1, second.WithLabels("DE01").Value);
    }

    [Fact]
    public void The_same_name_with_other_labels_is_refused_naming_the_metric()
    {
        var registry = new TestRegistry();
        registry.Factory.Counter("expenses_posted_total", "Expenses posted.", "entity");

        var error = Assert.Throws<ArgumentException>(() => registry.Factory.Counter("expenses_posted_total", "Expenses posted.", "currency"));

        Assert.Contains("streamfinance_expenses_posted_total", error.Message);
        Assert.Contains("define each metric once", error.Message);
    }

    [Fact]
    public void The_same_name_as_another_type_is_refused()
    {
        var registry = new TestRegistry();
        registry.Factory.Gauge("open_windows", "Posting windows open.", "entity");

        var error = Assert.Throws<ArgumentException>(() => registry.Factory.Histogram("open_windows", "Posting windows open.", null, "entity"));

        Assert.Contains("already defined as a gauge", error.Message);
    }

    [Fact]
    public void A_metric_without_help_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new TestRegistry().Factory.Gauge("open_windows", " "));

        Assert.Contains("help text", error.Message);
    }

    [Fact]
    public async Task A_histogram_in_seconds_gets_buckets_up_to_five_minutes()
    {
        var registry = new TestRegistry();

        registry.Factory.Histogram("posting_window_delay_seconds", "Delay of a posting window.", null).Observe(42);

        var text = await registry.ExportAsync();
        Assert.Equal(0, text.Value("streamfinance_posting_window_delay_seconds_bucket", ("le", "30")));
        Assert.Equal(1, text.Value("streamfinance_posting_window_delay_seconds_bucket", ("le", "60")));
        Assert.NotNull(text.Value("streamfinance_posting_window_delay_seconds_bucket", ("le", "300")));
    }

    [Fact]
    public async Task Business_metrics_register_in_the_registry_they_are_given_and_nowhere_else()
    {
        var registry = new TestRegistry();
        var name = $"test_{Guid.NewGuid():N}_total";

        new BusinessMetrics(registry.Factory).Counter(name, "A counter of this test only.", "entity").WithLabels("DE01").Inc(2);

        Assert.Equal(2, (await registry.ExportAsync()).Value($"streamfinance_{name}", ("entity", "DE01")));
        Assert.DoesNotContain(name, (await PrometheusText.ExportAsync(Metrics.DefaultRegistry)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Business_metrics_check_names_like_every_other_metric()
    {
        Assert.Throws<ArgumentException>(() => BusinessMetrics.Detached().Counter("expenses_posted", "Expenses posted."));
    }

    [Fact]
    public void Topology_contexts_given_no_business_metrics_count_apart_so_tests_can_run_side_by_side()
    {
        var serDes = new SerDesFactory(new InMemorySchemaRegistryClient());
        var first = new TopologyContext(serDes);
        var second = new TopologyContext(serDes);

        new ExpenseMetrics(first.BusinessMetrics).Line(ExpenseMetrics.Approved);

        Assert.Equal(1, new ExpenseMetrics(first.BusinessMetrics).Lines(ExpenseMetrics.Approved));
        Assert.Equal(0, new ExpenseMetrics(second.BusinessMetrics).Lines(ExpenseMetrics.Approved));
    }
}
