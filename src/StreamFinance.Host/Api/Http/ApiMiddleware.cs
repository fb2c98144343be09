using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StreamFinance.Host.Api.MasterData;
using StreamFinance.Topologies.Validation;
using Streamiz.Kafka.Net.Errors;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// The middleware in front of every endpoint, outermost first: failures become problem details (503 while the stores
/// restore, the request's own status for malformed HTTP, 500 with a trace id and no internals for anything else); an
/// empty 404 or 405 gets a problem body; and, when configured, the API key is required. Every request, whatever its
/// answer, is timed into <see cref="ApiRequestMetrics"/>.
/// </summary>
internal static class ApiMiddleware
{
    /// <summary>Adds the middleware to <paramref name="app"/>.</summary>
    public static void UseApiMiddleware(this WebApplication app, ValidationApiOptions options, ILogger logger)
    {
        app.Use(TimedAsync);
        app.Use((context, next) => HandleFailuresAsync(context, next, options, logger));
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.HasStarted || context.Response.ContentLength > 0 || context.Response.ContentType is not null)
                return;
            if (context.Response.StatusCode == StatusCodes.Status404NotFound)
                await Problems.NotFound(context, $"There is no endpoint {context.Request.Method} {context.Request.Path}. The API lives under /v1.").ExecuteAsync(context);
            else if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
                await Problems.MethodNotAllowed(context).ExecuteAsync(context);
        });
        var keys = new ApiKeyCheck(options.ApiKey);
        if (keys.Required)
            app.Use((context, next) => RequireKeyAsync(context, next, keys));
    }

    private static async Task TimedAsync(HttpContext context, RequestDelegate next)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            ApiRequestMetrics.Record(context, start);
        }
    }

    private static Task RequireKeyAsync(HttpContext context, RequestDelegate next, ApiKeyCheck keys)
    {
        var presented = context.Request.Headers[ValidationApiOptions.ApiKeyHeader];
        if (presented.Count == 0)
            return Problems.Unauthorized(context, $"Send the API key in the {ValidationApiOptions.ApiKeyHeader} header.").ExecuteAsync(context);
        if (presented.Count > 1 || !keys.Matches(presented[0] ?? ""))
            return Problems.Unauthorized(context, $"The {ValidationApiOptions.ApiKeyHeader} header does not hold a valid API key.").ExecuteAsync(context);
        return next(context);
    }

    private static async Task HandleFailuresAsync(HttpContext context, RequestDelegate next, ValidationApiOptions options, ILogger logger)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await Answer(context, e, options, logger).ExecuteAsync(context);
        }
    }

    private static IResult Answer(HttpContext context, Exception error, ValidationApiOptions options, ILogger logger)
    {
        switch (error)
        {
            case StoreUnavailableException unavailable:
                return Problems.Unavailable(context, unavailable, options.RetryAfterSeconds);
            case InvalidStateStoreException invalid:
                return Problems.Unavailable(context, new StoreUnavailableException(
                    ValidationTopology.StoreName, ValidationTopology.TopologyName, "store not queryable", invalid), options.RetryAfterSeconds);
            case BadHttpRequestException bad:
                return Problems.Status(context, bad.StatusCode, "The request is invalid", bad.Message);
            default:
                logger.LogError(error, "Validation API request {Method} {Path} failed (trace id {TraceId})",
                    context.Request.Method, context.Request.Path, Problems.TraceId(context));
                return Problems.Internal(context);
        }
    }
}
