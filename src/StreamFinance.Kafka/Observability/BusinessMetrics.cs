using Prometheus;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Holds;

namespace StreamFinance.Kafka.Observability;

/// <summary>
/// The registry of the business metrics of topologies and connectors, handed to them through their context
/// (<see cref="TopologyContext.BusinessMetrics"/>, the connectors' context) as the topology metrics are. Each metric
/// is one line in the class that owns it:
/// <code>
/// public PostingMetrics(BusinessMetrics metrics) =>
///     expensesPosted = metrics.Counter("expenses_posted_total", "Expenses posted to the ledger.", "entity", "currency");
/// </code>
/// The name is given without the <c>streamfinance_</c> prefix and checked against <see cref="MetricNaming"/>
/// (counters end in <c>_total</c>, base units only). Keep label values to a small, fixed set (entity, currency,
/// reason), never ids.
/// </summary>
/// <remarks>
/// The host creates one over the registry it serves on <c>/metrics</c> and passes it to every topology and connector,
/// so each metric is registered once there. Defining the same metric again through the same registry returns the one
/// already registered (see <see cref="PrefixedMetricFactory"/>). Code that runs outside the host (tests, topic
/// provisioning) gets <see cref="Detached"/> metrics of its own, which nothing serves and no other test moves.
/// </remarks>
public sealed class BusinessMetrics
{
    private readonly PrefixedMetricFactory factory;

    /// <summary>Business metrics registered through <paramref name="factory"/>.</summary>
    public BusinessMetrics(PrefixedMetricFactory factory)
    {
        this.factory = factory ?? throw new ArgumentNullException(nameof(factory));
        DeadLetters = new DeadLetterMetrics(this);
        Holds = new HoldMetrics(this);
    }

    /// <summary>Metrics in a registry of their own that nothing serves (tests, code that builds a topology outside the host).</summary>
    public static BusinessMetrics Detached() => new(new PrefixedMetricFactory(Metrics.NewCustomRegistry()));

    /// <summary>The dead-letter counters every topology and connector shares.</summary>
    public DeadLetterMetrics DeadLetters { get; }

    /// <summary>The gauge of held records every hold store shares.</summary>
    public HoldMetrics Holds { get; }

    /// <summary>A counter named <c>streamfinance_{name}</c>; see <see cref="PrefixedMetricFactory.Counter"/>.</summary>
    public Counter Counter(string name, string help, params string[] labelNames) => factory.Counter(name, help, labelNames);

    /// <summary>A gauge named <c>streamfinance_{name}</c>; see <see cref="PrefixedMetricFactory.Gauge"/>.</summary>
    public Gauge Gauge(string name, string help, params string[] labelNames) => factory.Gauge(name, help, labelNames);

    /// <summary>A histogram named <c>streamfinance_{name}</c>; see <see cref="PrefixedMetricFactory.Histogram"/>.</summary>
    public Histogram Histogram(string name, string help, double[]? buckets, params string[] labelNames) =>
        factory.Histogram(name, help, buckets, labelNames);
}
