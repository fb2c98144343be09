using Prometheus;
using StreamFinance.Host.Runtime.Supervision;
using StreamFinance.Kafka.Observability;

namespace StreamFinance.Host.Observability;

/// <summary><c>streamfinance_topology_restarts_total{topology,reason}</c>: streams a topology's supervisor replaced, by <see cref="RestartReason"/>.</summary>
public sealed class TopologyRestartMetrics
{
    private readonly Counter restarts;

    /// <summary>Creates the counter through <paramref name="factory"/>.</summary>
    public TopologyRestartMetrics(PrefixedMetricFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        restarts = factory.Counter("topology_restarts_total", "Streams a topology's supervisor replaced, by reason.", PipelineMetrics.TopologyLabel, "reason");
    }

    /// <summary>The counter in prometheus-net's default registry, served by the host.</summary>
    public static TopologyRestartMetrics Default { get; } = new(PrefixedMetricFactory.Default);

    /// <summary>Publishes a zero for every reason of <paramref name="topology"/>, so that <c>increase()</c> sees the first restart.</summary>
    public void Initialize(string topology)
    {
        foreach (var reason in RestartReasons.All)
            restarts.WithLabels(topology, reason.Label()).Inc(0);
    }

    /// <summary>Counts one restart.</summary>
    public void Count(string topology, RestartReason reason) => restarts.WithLabels(topology, reason.Label()).Inc();

    /// <summary>Restarts of <paramref name="topology"/> counted for <paramref name="reason"/>.</summary>
    public double Value(string topology, RestartReason reason) => restarts.WithLabels(topology, reason.Label()).Value;
}
