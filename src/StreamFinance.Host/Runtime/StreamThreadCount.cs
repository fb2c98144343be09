using System.Globalization;
using Streamiz.Kafka.Net.Metrics;

namespace StreamFinance.Host.Runtime;

/// <summary>
/// How many stream threads of a <c>KafkaStream</c> are alive, read from Streamiz's client-level metric
/// <c>stream-metrics/stream_threads</c> (threads neither DEAD nor shutting down), the one public place
/// Streamiz 1.8.2 reports it.
/// </summary>
internal static class StreamThreadCount
{
    private const string Group = "stream-metrics";
    private const string Name = "stream_threads";

    /// <summary>The count, or null if the metric is missing or not a number.</summary>
    public static int? Alive(IEnumerable<Sensor> sensors)
    {
        foreach (var sensor in sensors)
        foreach (var metric in sensor.Metrics.Values)
            if (metric.Group == Group && metric.Name == Name && metric.Value is IConvertible value && metric.Value is not string)
                return value.ToInt32(CultureInfo.InvariantCulture);
        return null;
    }
}
