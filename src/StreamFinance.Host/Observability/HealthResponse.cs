using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StreamFinance.Host.Observability;

/// <summary>
/// Body of <c>/health/live</c> and <c>/health/ready</c>:
/// <c>{"status":"not ready","components":[{"name":"topology expenses","ready":false,"detail":"state REBALANCING"}, ...]}</c>.
/// </summary>
/// <param name="Status"><c>live</c>, <c>ready</c> or <c>not ready</c>.</param>
/// <param name="Components">Each component checked, whether it is ready, and why not.</param>
public sealed record HealthResponse(string Status, IReadOnlyList<HealthComponent> Components)
{
    /// <summary>The JSON settings of the body: camelCase, compact.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Writes the liveness body: the process answers, so it is live.</summary>
    public static Task WriteLive(HttpContext context, HealthReport report) => Write(context, new HealthResponse("live", []));

    /// <summary>Writes the readiness body from the health report.</summary>
    public static Task WriteReady(HttpContext context, HealthReport report) => Write(context, new HealthResponse(
        report.Status == HealthStatus.Healthy ? "ready" : "not ready",
        report.Entries.Select(e => new HealthComponent(e.Key, e.Value.Status == HealthStatus.Healthy, e.Value.Description)).ToList()));

    private static Task Write(HttpContext context, HealthResponse response)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(response, Json));
    }
}

/// <summary>One component of the readiness check.</summary>
/// <param name="Name">For example <c>topology expenses</c> or <c>schema-registry</c>.</param>
/// <param name="Ready">Whether it is ready.</param>
/// <param name="Detail">Its state, and why it is not ready.</param>
public sealed record HealthComponent(string Name, bool Ready, string? Detail);
