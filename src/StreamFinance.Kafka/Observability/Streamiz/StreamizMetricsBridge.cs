using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;
using StreamFinance.Kafka.Observability.Kafka;
using Streamiz.Kafka.Net.Metrics;

namespace StreamFinance.Kafka.Observability.Streamiz;

/// <summary>
/// Publishes Streamiz sensors as Prometheus gauges named by <see cref="StreamizMetricName"/>
/// (<c>streamfinance_streamiz_thread_commit_latency_avg_seconds</c>), labelled with <c>topology</c> plus the sensor's
/// own tags (<c>thread_id</c>, <c>task_id</c>, <c>librdkafka_client_id</c>, ...). The stable Kafka client metrics
/// (<see cref="KafkaClientMetrics"/>) of a stream's clients come from their librdkafka statistics directly
/// (<see cref="Hosting.Health.StreamClientHealth"/>), for every client, restore and global consumers included.
/// </summary>
/// <remarks>
/// <para>Sensors reach the bridge two ways:</para>
/// <list type="bullet">
/// <item><see cref="ReporterFor"/>: Streamiz's <c>MetricsReporter</c>, which each stream thread calls with its own
/// sensors every <c>MetricsIntervalMs</c>. Streamiz raises any interval below 30 s to 30 s, so these values can be
/// 30 s old. Series are only added or updated this way, since one call sees one thread.</item>
/// <item><see cref="Track"/>: the host registers each running <c>KafkaStream</c>'s <c>Metrics()</c>, and the bridge
/// reads all of its sensors just before every scrape, so <c>/metrics</c> shows current values and series of
/// partitions or tasks that went away disappear.</item>
/// </list>
/// <para>
/// Metrics with a label value longer than 200 characters (Streamiz's <c>topology_description</c>) are left out, and so
/// are librdkafka placeholders without a topic, partition or broker. Non-numeric values (Streamiz's <c>version</c>)
/// are published as 1, with the value in a label.
/// </para>
/// </remarks>
public sealed class StreamizMetricsBridge
{
    private const int MaxLabelValueLength = 200;
    private const string TopologyLabel = PipelineMetrics.TopologyLabel;
    private static readonly string[] PlaceholderTags = ["broker_id", "topic", "partition_id"];
    private static readonly Lazy<StreamizMetricsBridge> DefaultBridge = new(() => new StreamizMetricsBridge(Metrics.DefaultRegistry));

    private readonly object gate = new();
    private readonly IMetricFactory factory;
    private readonly ILogger logger;
    private readonly Dictionary<string, Family?> families = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TopologySeries> topologies = new(StringComparer.Ordinal);
    private readonly List<Registration> tracked = [];

    /// <summary>Creates a bridge that publishes into <paramref name="registry"/> and refreshes tracked streams before each of its collections.</summary>
    public StreamizMetricsBridge(CollectorRegistry registry, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        factory = Metrics.WithCustomRegistry(registry);
        this.logger = logger ?? NullLogger.Instance;
        registry.AddBeforeCollectCallback(Refresh);
    }

    /// <summary>The bridge over prometheus-net's default registry, served by the host.</summary>
    public static StreamizMetricsBridge Default => DefaultBridge.Value;

    /// <summary>A Streamiz <c>MetricsReporter</c> for one topology's <c>KafkaStream</c>.</summary>
    public Action<IEnumerable<Sensor>> ReporterFor(string topology) =>
        sensors => Publish(topology, SensorSample.Read(sensors, out _), complete: false);

    /// <summary>
    /// Reads <paramref name="sensors"/> (a running <c>KafkaStream</c>'s <c>Metrics</c>) before every collection until
    /// the returned handle is disposed; disposing it also removes the topology's series.
    /// </summary>
    public IDisposable Track(string topology, Func<IEnumerable<Sensor>> sensors)
    {
        var registration = new Registration(this, topology, sensors);
        lock (gate)
            tracked.Add(registration);
        return registration;
    }

    /// <summary>Reads every tracked stream now; called by the registry before each collection.</summary>
    public void Refresh()
    {
        List<Registration> registrations;
        lock (gate)
            registrations = [.. tracked];
        foreach (var registration in registrations)
        {
            try
            {
                var samples = SensorSample.Read(registration.Sensors(), out var complete);
                Publish(registration.Topology, samples, complete);
            }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException or NullReferenceException)
            {
                // A stream being stopped while it is read: keep the last values, the next scrape tries again.
                logger.LogDebug(e, "Could not read the Streamiz sensors of topology {Topology}", registration.Topology);
            }
        }
    }

    /// <summary>
    /// Publishes <paramref name="samples"/> for <paramref name="topology"/>. When <paramref name="complete"/>, they are
    /// all of the topology's metrics and every series of it not among them is removed; otherwise series are only
    /// added or updated.
    /// </summary>
    public void Publish(string topology, IEnumerable<SensorSample> samples, bool complete)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topology);
        lock (gate)
        {
            var previous = topologies.GetValueOrDefault(topology) ?? new TopologySeries();
            var current = complete ? new TopologySeries() : previous;
            foreach (var sample in samples)
            {
                if (Export(topology, sample) is { } series)
                    current.Series[series.Key] = series;
            }
            if (complete)
            {
                foreach (var (key, series) in previous.Series.Where(s => !current.Series.ContainsKey(s.Key)))
                    series.Gauge.RemoveLabelled(series.LabelValues);
            }
            topologies[topology] = current;
        }
    }

    /// <summary>Removes every series published for <paramref name="topology"/>, for a stream that stopped.</summary>
    public void Forget(string topology)
    {
        lock (gate)
        {
            if (!topologies.Remove(topology, out var series))
                return;
            foreach (var s in series.Series.Values)
                s.Gauge.RemoveLabelled(s.LabelValues);
        }
    }

    private Series? Export(string topology, SensorSample sample)
    {
        if (PlaceholderTags.Any(t => sample.Tags.TryGetValue(t, out var v) && string.IsNullOrEmpty(v)))
            return null;
        if (sample.Tags.Values.Any(v => v?.Length > MaxLabelValueLength))
            return null;
        if (ToDouble(sample.Value) is not { } value)
            return null;

        var (name, scale) = StreamizMetricName.For(sample.Group, sample.Name);
        var keys = sample.Tags.Keys.Order(StringComparer.Ordinal).ToArray();
        string[] labelNames = [TopologyLabel, .. keys.Select(MetricNaming.ToSnakeCase)];
        if (labelNames.Distinct(StringComparer.Ordinal).Count() != labelNames.Length)
            return null;
        if (FamilyFor(name, sample, labelNames) is not { } family)
            return null;

        string[] labelValues = [topology, .. keys.Select(k => sample.Tags[k] ?? "")];
        family.Gauge.WithLabels(labelValues).Set(value * scale);
        return new Series(name + "\u0001" + string.Join('\u0001', labelValues), family.Gauge, labelValues);
    }

    private Family? FamilyFor(string name, SensorSample sample, string[] labelNames)
    {
        if (families.TryGetValue(name, out var known))
        {
            if (known is null || known.LabelNames.SequenceEqual(labelNames, StringComparer.Ordinal))
                return known;
            logger.LogDebug("Streamiz metric {Metric} came with labels [{Labels}] instead of [{Known}]; that series is left out",
                name, string.Join(", ", labelNames), string.Join(", ", known.LabelNames));
            return null;
        }
        Family? family;
        try
        {
            var help = string.IsNullOrWhiteSpace(sample.Description) ? $"Streamiz {sample.Group} {sample.Name}" : sample.Description;
            family = new Family(factory.CreateGauge(name, help, labelNames), labelNames);
        }
        catch (InvalidOperationException e)
        {
            logger.LogWarning("Streamiz metric {Metric} is not published: {Reason}", name, e.Message);
            family = null;
        }
        families[name] = family;
        return family;
    }

    private static double? ToDouble(object? value) => value switch
    {
        null => null,
        double d => d,
        float f => f,
        bool b => b ? 1 : 0,
        IConvertible c when value is byte or sbyte or short or ushort or int or uint or long or ulong or decimal => c.ToDouble(CultureInfo.InvariantCulture),
        _ => 1,
    };

    private sealed record Family(Gauge Gauge, string[] LabelNames);

    private sealed record Series(string Key, Gauge Gauge, string[] LabelValues);

    private sealed class TopologySeries
    {
        public Dictionary<string, Series> Series { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Registration(StreamizMetricsBridge bridge, string topology, Func<IEnumerable<Sensor>> sensors) : IDisposable
    {
        public string Topology => topology;

        public Func<IEnumerable<Sensor>> Sensors => sensors;

        public void Dispose()
        {
            lock (bridge.gate)
            {
                if (!bridge.tracked.Remove(this))
                    return;
            }
            bridge.Forget(topology);
        }
    }
}
