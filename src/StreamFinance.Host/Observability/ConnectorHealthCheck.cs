using Microsoft.Extensions.Diagnostics.HealthChecks;
using StreamFinance.Connectors.Runtime;

namespace StreamFinance.Host.Observability;

/// <summary>
/// Health of one connector for <c>/health/ready</c>: healthy while up, degraded while down (its source fails, or it has
/// not started), with the detail of <see cref="ConnectorHealth.Describe"/>. Degraded keeps readiness at 200: a failing
/// vendor API does not make the pipeline unready.
/// </summary>
public sealed class ConnectorHealthCheck(ConnectorHealth health) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(health.IsUp ? HealthCheckResult.Healthy(health.Describe()) : HealthCheckResult.Degraded(health.Describe()));
}
