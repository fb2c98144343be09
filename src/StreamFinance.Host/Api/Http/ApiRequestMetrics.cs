using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prometheus;
using StreamFinance.Kafka.Observability;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// <c>streamfinance_api_request_duration_seconds{method, route, status}</c>: how long the validation API took over each
/// request, from the moment it entered the middleware to the end of the answer, as Kestrel ran it (so it excludes the
/// network and the client). <c>route</c> is the endpoint's template (<c>/v1/cost-centers/{id}</c>), or
/// <c>unmatched</c>, and <c>method</c> a standard method or <c>OTHER</c>, so the series stay few whatever clients send;
/// <c>status</c> is the status code. Registered in prometheus-net's default registry, which the host serves (an HTTP
/// metric of the process, not a business metric of a topology).
/// </summary>
internal static class ApiRequestMetrics
{
    /// <summary>Bucket bounds, in seconds: fine below 5 ms, where the API answers, then coarse.</summary>
    public static readonly double[] Buckets = [0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.1, 0.5, 2.5];

    public static Histogram Duration { get; } = PrefixedMetricFactory.Default.Histogram(
        "api_request_duration_seconds", "Validation API requests by method, route template and status, with the time the server took over each.",
        Buckets, "method", "route", "status");

    // One child per label set, looked up without allocating (WithLabels allocates on every call).
    private static readonly ConcurrentDictionary<(string Method, string Route, int Status), Histogram.Child> Children = new();

    private static readonly string[] StandardMethods =
        [HttpMethods.Get, HttpMethods.Post, HttpMethods.Head, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch, HttpMethods.Options];

    private static string MethodLabel(string method)
    {
        foreach (var standard in StandardMethods)
            if (HttpMethods.Equals(standard, method))
                return standard;
        return "OTHER";
    }

    /// <summary>Records one request that started at <paramref name="startTimestamp"/> (<see cref="System.Diagnostics.Stopwatch"/> ticks).</summary>
    public static void Record(HttpContext context, long startTimestamp)
    {
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
        var child = Children.GetOrAdd((MethodLabel(context.Request.Method), route, context.Response.StatusCode),
            static key => Duration.WithLabels(key.Method, key.Route, key.Status.ToString(CultureInfo.InvariantCulture)));
        // No exemplar: the default one would attach the current trace and span ids, and nothing here traces requests.
        child.Observe(System.Diagnostics.Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, Exemplar.None);
    }
}
