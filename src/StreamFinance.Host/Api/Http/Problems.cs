using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using StreamFinance.Host.Api.MasterData;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// The API's error answers, all RFC 9457 problem details (<c>application/problem+json</c>) with <c>instance</c> (the
/// request path) and <c>traceId</c> (also in the log line of any server-side failure).
/// </summary>
internal static class Problems
{
    /// <summary>400: the request is malformed; <paramref name="errors"/> maps request fields to what is wrong with them.</summary>
    public static IResult BadRequest(HttpContext context, string detail, IDictionary<string, string[]>? errors = null) =>
        errors is { Count: > 0 }
            ? TypedResults.ValidationProblem(errors, detail, context.Request.Path, "The request is invalid", extensions: Extensions(context))
            : Problem(context, StatusCodes.Status400BadRequest, "The request is invalid", detail);

    /// <summary>401: the API key is missing or wrong.</summary>
    public static IResult Unauthorized(HttpContext context, string detail)
    {
        context.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{ValidationApiOptions.ApiKeyHeader}\"";
        return Problem(context, StatusCodes.Status401Unauthorized, "An API key is required", detail);
    }

    /// <summary>404: nothing is in force for the key on the date, or no such endpoint.</summary>
    public static IResult NotFound(HttpContext context, string detail) =>
        Problem(context, StatusCodes.Status404NotFound, "Not found", detail);

    /// <summary>405: the path exists for other methods.</summary>
    public static IResult MethodNotAllowed(HttpContext context) =>
        Problem(context, StatusCodes.Status405MethodNotAllowed, "Method not allowed",
            $"{context.Request.Method} is not supported on {context.Request.Path}; see the Allow header.");

    /// <summary>415: the body is not JSON.</summary>
    public static IResult UnsupportedMediaType(HttpContext context) =>
        Problem(context, StatusCodes.Status415UnsupportedMediaType, "The body must be JSON",
            $"Content-Type '{context.Request.ContentType}' is not supported: send the body as application/json.");

    /// <summary>503 with <c>Retry-After</c>: the master-data store is not queryable yet (restoring) or any more (stopping).</summary>
    public static IResult Unavailable(HttpContext context, StoreUnavailableException error, int retryAfterSeconds)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var extensions = Extensions(context);
        extensions["store"] = error.StoreName;
        extensions["topology"] = error.Topology;
        extensions["state"] = error.State;
        return TypedResults.Problem(
            $"The master-data store {error.StoreName} is not queryable (topology '{error.Topology}' is {error.State}): it is restoring from md.history " +
            $"or the topology is not running. Retry after restore, in about {retryAfterSeconds} s.",
            context.Request.Path, StatusCodes.Status503ServiceUnavailable, "Master data is not available yet", extensions: extensions);
    }

    /// <summary>500 without internals: the failure is logged with the same trace id.</summary>
    public static IResult Internal(HttpContext context) =>
        Problem(context, StatusCodes.Status500InternalServerError, "Internal error",
            $"The request failed on the server. Report trace id {TraceId(context)} to the StreamFinance operators; the log has the cause.");

    /// <summary>A problem with only a status and a title.</summary>
    public static IResult Status(HttpContext context, int status, string title, string detail) => Problem(context, status, title, detail);

    /// <summary>The trace id written into problems and logs.</summary>
    public static string TraceId(HttpContext context) => Activity.Current?.Id ?? context.TraceIdentifier;

    private static IResult Problem(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(detail, context.Request.Path, status, title, extensions: Extensions(context));

    private static Dictionary<string, object?> Extensions(HttpContext context) => new() { ["traceId"] = TraceId(context) };
}
