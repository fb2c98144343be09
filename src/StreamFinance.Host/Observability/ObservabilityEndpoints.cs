using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Prometheus;
using StreamFinance.Host.Configuration;
using StreamFinance.Host.Runtime;
using StreamFinance.Kafka.Configuration;

namespace StreamFinance.Host.Observability;

/// <summary>
/// The HTTP side of the pipeline host, on <see cref="ObservabilityOptions.MetricsHost"/>:<see cref="ObservabilityOptions.MetricsPort"/>:
/// <list type="bullet">
/// <item><c>/metrics</c>: prometheus-net's default registry in the Prometheus text format, so every metric defined
/// anywhere in the process (pipeline, Streamiz, Kafka clients, dead letters, business metrics, .NET runtime) is served;</item>
/// <item><c>/health/live</c>: 200 while the process runs;</item>
/// <item><c>/health/ready</c>: 200 when every topology is running and the Schema Registry answers, 503 otherwise, with
/// a JSON body naming each component (<see cref="HealthResponse"/>).</item>
/// </list>
/// </summary>
public static class ObservabilityEndpoints
{
    /// <summary>Path of the Prometheus endpoint.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Path of the liveness endpoint.</summary>
    public const string LivePath = "/health/live";

    /// <summary>Path of the readiness endpoint.</summary>
    public const string ReadyPath = "/health/ready";

    /// <summary>Tag of the health checks that make up readiness.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Kestrel on the configured address, routing, and the Schema Registry readiness check.</summary>
    public static void AddObservability(this WebApplicationBuilder builder, ObservabilityOptions options, SchemaRegistryOptions registry)
    {
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(options.ListenAddress, options.MetricsPort));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(new SchemaRegistryHealthCheck(registry, TimeSpan.FromSeconds(options.RegistryCheckIntervalSeconds)));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "schema-registry", sp => sp.GetRequiredService<SchemaRegistryHealthCheck>(), HealthStatus.Unhealthy, [ReadyTag]));
    }

    /// <summary>Adds the readiness check of the topology <paramref name="name"/>, run by the <see cref="TopologyService"/> <paramref name="service"/> picks.</summary>
    public static void AddTopologyReadiness(this IServiceCollection services, string name, Func<IServiceProvider, TopologyService> service) =>
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            $"topology {name}", sp => new TopologyHealthCheck(service(sp)), HealthStatus.Unhealthy, [ReadyTag]));

    /// <summary>Maps <c>/metrics</c>, <c>/health/live</c> and <c>/health/ready</c>.</summary>
    public static void MapObservability(this WebApplication app)
    {
        app.MapMetrics(MetricsPath);
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteLive });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(ReadyTag), ResponseWriter = HealthResponse.WriteReady });
    }

    /// <summary>
    /// The configuration error to report when Kestrel could not listen, naming the address and the settings; null when
    /// <paramref name="error"/> is not a listen failure.
    /// </summary>
    public static ConfigurationException? ListenFailure(Exception error, ObservabilityOptions options)
    {
        if (error is not IOException)
            return null;
        var endpoint = new IPEndPoint(options.ListenAddress, options.MetricsPort);
        if (error is AddressInUseException || error.InnerException is AddressInUseException)
            return new ConfigurationException(
                $"Observability:MetricsPort {options.MetricsPort} on {options.MetricsHost} is already in use by another process, so /metrics and /health cannot be served. " +
                "Stop that process or choose another port with --set Observability:MetricsPort=<port> (0 takes any free port).", error);
        return error.Message.Contains("bind", StringComparison.OrdinalIgnoreCase)
            ? new ConfigurationException(
                $"Cannot listen on {endpoint} for /metrics and /health ({error.InnerException?.Message ?? error.Message}). " +
                "Check Observability:MetricsHost and Observability:MetricsPort.", error)
            : null;
    }
}
