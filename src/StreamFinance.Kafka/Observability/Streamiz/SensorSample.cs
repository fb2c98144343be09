using Streamiz.Kafka.Net.Metrics;

namespace StreamFinance.Kafka.Observability.Streamiz;

/// <summary>
/// One Streamiz metric read at one moment: its logical group (<c>stream-thread-metrics</c>), name
/// (<c>commit-latency-avg</c>), description, tags (<c>thread_id</c>, <c>task_id</c>, ...) and value.
/// </summary>
/// <remarks>
/// Streamiz's <see cref="Sensor"/> has an internal constructor; this plain record is what the bridge works on, so that
/// its mapping can be tested without a running <c>KafkaStream</c>.
/// </remarks>
public sealed record SensorSample(string Group, string Name, string Description, IReadOnlyDictionary<string, string?> Tags, object? Value)
{
    /// <summary>
    /// Reads every metric of <paramref name="sensors"/>. A sensor whose metrics change while they are read (Streamiz
    /// adds and removes librdkafka partition metrics from its statistics thread) is tried once more and then left out;
    /// <paramref name="complete"/> tells whether every sensor could be read.
    /// </summary>
    public static IReadOnlyList<SensorSample> Read(IEnumerable<Sensor> sensors, out bool complete)
    {
        complete = true;
        var samples = new List<SensorSample>();
        foreach (var sensor in sensors.ToList())
        {
            if (!TryRead(sensor, samples) && !TryRead(sensor, samples))
                complete = false;
        }
        return samples;
    }

    private static bool TryRead(Sensor sensor, List<SensorSample> into)
    {
        var read = new List<SensorSample>();
        try
        {
            foreach (var metric in sensor.Metrics.Values)
                read.Add(new SensorSample(
                    metric.Group,
                    metric.Name,
                    string.IsNullOrWhiteSpace(metric.Description) ? sensor.Description : metric.Description,
                    metric.Tags.ToDictionary(t => t.Key, t => (string?)t.Value, StringComparer.Ordinal),
                    metric.Value));
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        into.AddRange(read);
        return true;
    }
}
