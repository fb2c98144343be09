using Microsoft.Extensions.Diagnostics.HealthChecks;
using StreamFinance.Host.Runtime;

namespace StreamFinance.Host.Observability;

/// <summary>Readiness of one topology, from <see cref="TopologyService.Readiness"/>.</summary>
public sealed class TopologyHealthCheck(TopologyService topology) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var readiness = topology.Readiness();
        return Task.FromResult(readiness.Ready ? HealthCheckResult.Healthy(readiness.Detail) : HealthCheckResult.Unhealthy(readiness.Detail));
    }
}
