using Prometheus;

namespace StreamFinance.Kafka.Observability;

/// <summary>
/// One line per business metric, for topologies and connectors:
/// <code>
/// static readonly Counter ExpensesPosted = BusinessMetrics.Counter("expenses_posted_total", "Expenses posted to the ledger.", "entity", "currency");
/// ExpensesPosted.WithLabels(entity, currency).Inc();
/// </code>
/// The name is given without the <c>streamfinance_</c> prefix and checked against <see cref="MetricNaming"/>
/// (counters end in <c>_total</c>, base units only). Metrics land in prometheus-net's default registry, which the host
/// serves on <c>/metrics</c>. Keep label values to a small, fixed set (entity, currency, reason), never ids.
/// </summary>
public static class BusinessMetrics
{
    /// <summary>A counter named <c>streamfinance_{name}</c>; see <see cref="PrefixedMetricFactory.Counter"/>.</summary>
    public static Counter Counter(string name, string help, params string[] labelNames) =>
        PrefixedMetricFactory.Default.Counter(name, help, labelNames);

    /// <summary>A gauge named <c>streamfinance_{name}</c>; see <see cref="PrefixedMetricFactory.Gauge"/>.</summary>
    public static Gauge Gauge(string name, string help, params string[] labelNames) =>
        PrefixedMetricFactory.Default.Gauge(name, help, labelNames);

    /// <summary>A histogram named <c>streamfinance_{name}</c>; see <see cref="PrefixedMetricFactory.Histogram"/>.</summary>
    public static Histogram Histogram(string name, string help, double[]? buckets, params string[] labelNames) =>
        PrefixedMetricFactory.Default.Histogram(name, help, buckets, labelNames);
}
