using Prometheus;
using StreamFinance.Kafka.Observability;
using StreamFinance.TestSupport.Metrics;

namespace StreamFinance.Topologies.Tests.Support;

/// <summary>A Prometheus registry of the test's own, so that tests never see each other's series.</summary>
internal sealed class TestRegistry
{
    public CollectorRegistry Registry { get; } = Metrics.NewCustomRegistry();

    public PrefixedMetricFactory Factory => new(Registry);

    public Task<PrometheusText> ExportAsync() => PrometheusText.ExportAsync(Registry);
}
