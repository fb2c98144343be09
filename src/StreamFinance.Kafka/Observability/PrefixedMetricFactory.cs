using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Prometheus;

namespace StreamFinance.Kafka.Observability;

/// <summary>
/// Creates prometheus-net metrics whose names follow <see cref="MetricNaming"/>: the name is given without the
/// <c>streamfinance_</c> prefix, checked, prefixed and registered. Asking again for the same name and labels returns
/// the same metric, so any number of topologies and connectors can share one definition; asking for it with other
/// labels or as another type is refused (prometheus-net itself would quietly serve both label sets under one name).
/// </summary>
/// <remarks>
/// <see cref="Default"/> registers in prometheus-net's default registry, the one the host serves on <c>/metrics</c>.
/// Tests pass a registry of their own (<c>Metrics.NewCustomRegistry()</c>).
/// </remarks>
public sealed class PrefixedMetricFactory(CollectorRegistry registry)
{
    // What each registry holds, by name, whichever factory instance defined it.
    private static readonly ConditionalWeakTable<CollectorRegistry, ConcurrentDictionary<string, (MetricKind Kind, string Labels)>> Definitions = new();

    private readonly IMetricFactory factory = Metrics.WithCustomRegistry(registry);

    /// <summary>Buckets for latencies in seconds: 5 ms to 5 minutes, since end-to-end latency includes posting windows.</summary>
    public static readonly double[] LatencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

    /// <summary>The factory over prometheus-net's default registry, served by the host on <c>/metrics</c>.</summary>
    public static PrefixedMetricFactory Default { get; } = new(Metrics.DefaultRegistry);

    /// <summary>A counter named <c>streamfinance_{name}</c>; <paramref name="name"/> ends in <c>_total</c>.</summary>
    /// <exception cref="ArgumentException">The name, help or labels break a rule, or the name exists with other labels.</exception>
    public Counter Counter(string name, string help, params string[] labelNames)
    {
        var qualified = Check(name, help, labelNames, MetricKind.Counter);
        return factory.CreateCounter(qualified, help, labelNames);
    }

    /// <summary>A gauge named <c>streamfinance_{name}</c>.</summary>
    /// <exception cref="ArgumentException">The name, help or labels break a rule, or the name exists with other labels.</exception>
    public Gauge Gauge(string name, string help, params string[] labelNames)
    {
        var qualified = Check(name, help, labelNames, MetricKind.Gauge);
        return factory.CreateGauge(qualified, help, labelNames);
    }

    /// <summary>
    /// A histogram named <c>streamfinance_{name}</c> with <paramref name="buckets"/> (upper bounds, ascending); null
    /// takes <see cref="LatencyBuckets"/> for a name ending in <c>_seconds</c> and prometheus-net's defaults otherwise.
    /// </summary>
    /// <exception cref="ArgumentException">The name, help or labels break a rule, or the name exists with other labels.</exception>
    public Histogram Histogram(string name, string help, double[]? buckets, params string[] labelNames)
    {
        var qualified = Check(name, help, labelNames, MetricKind.Histogram);
        buckets ??= name.EndsWith("_seconds", StringComparison.Ordinal) ? LatencyBuckets : null;
        return factory.CreateHistogram(qualified, help, labelNames, new HistogramConfiguration { Buckets = buckets });
    }

    private string Check(string name, string help, string[] labelNames, MetricKind kind)
    {
        var qualified = MetricNaming.Qualify(name, kind);
        if (string.IsNullOrWhiteSpace(help))
            throw new ArgumentException($"Metric '{qualified}' needs a help text saying what it counts or measures.", nameof(help));
        MetricNaming.ValidateLabels(qualified, labelNames, kind);
        var wanted = (kind, string.Join(", ", labelNames));
        var known = Definitions.GetValue(registry, _ => new(StringComparer.Ordinal)).GetOrAdd(qualified, wanted);
        if (known != wanted)
            throw new ArgumentException(
                $"Metric '{qualified}' is already defined as a {known.Kind.ToString().ToLowerInvariant()} with labels [{known.Labels}], " +
                $"not as a {kind.ToString().ToLowerInvariant()} with labels [{wanted.Item2}]: define each metric once (in the class that owns it) and use that everywhere.",
                nameof(name));
        return qualified;
    }
}
