using Prometheus;

namespace StreamFinance.Kafka.Observability;

/// <summary>Reading a labelled metric without creating its series (prometheus-net's <c>WithLabels</c> creates one at zero).</summary>
public static class MetricValues
{
    /// <summary>The value of <paramref name="metric"/> at <paramref name="labels"/>, or 0 when that series does not exist yet.</summary>
    public static double ValueOrZero(this Collector<Counter.Child> metric, params string[] labels)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return Exists(metric.GetAllLabelValues(), labels) ? metric.WithLabels(labels).Value : 0;
    }

    /// <summary>The value of <paramref name="metric"/> at <paramref name="labels"/>, or 0 when that series does not exist yet.</summary>
    public static double ValueOrZero(this Collector<Gauge.Child> metric, params string[] labels)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return Exists(metric.GetAllLabelValues(), labels) ? metric.WithLabels(labels).Value : 0;
    }

    private static bool Exists(IEnumerable<string[]> series, string[] labels) => series.Any(values => values.SequenceEqual(labels));
}
