using Microsoft.Extensions.Diagnostics.HealthChecks;
using StreamFinance.Host.Configuration;
using StreamFinance.Host.Runtime;
using StreamFinance.Kafka.Configuration;

namespace StreamFinance.Host.Observability;

/// <summary>
/// Whether the Schema Registry answers <c>GET /subjects</c>, asked at most once per <paramref name="interval"/> however
/// often readiness is polled; concurrent polls share one request.
/// </summary>
public sealed class SchemaRegistryHealthCheck(SchemaRegistryOptions registry, TimeSpan interval, TimeProvider? clock = null) : IHealthCheck
{
    private readonly TimeProvider time = clock ?? TimeProvider.System;
    // Never disposed: health checks are resolved per poll and may outlive any owner; a SemaphoreSlim without a wait handle holds nothing to release.
    private readonly SemaphoreSlim gate = new(1, 1);
    private (DateTimeOffset At, HealthCheckResult Result)? last;

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (Fresh() is { } cached)
            return cached;
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } answered)
                return answered;
            var result = await AskAsync(cancellationToken);
            last = (time.GetUtcNow(), result);
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    private HealthCheckResult? Fresh() =>
        last is { } l && time.GetUtcNow() - l.At < interval ? l.Result : null;

    private async Task<HealthCheckResult> AskAsync(CancellationToken ct)
    {
        try
        {
            await DependencyProbe.CheckRegistryAsync(registry, ct);
            return HealthCheckResult.Healthy($"{registry.Url} answered");
        }
        catch (DependencyUnavailableException e)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
