using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using StreamFinance.Connectors.Runtime;

namespace StreamFinance.Connectors.Rest;

/// <summary>
/// The resilience of REST sources, as a Polly <see cref="ResiliencePipeline{T}"/>: each attempt has a timeout; 5xx,
/// 408, timeouts and connection errors are retried with exponential backoff and jitter; 429 waits exactly what
/// Retry-After says (seconds or an HTTP date, capped) and falls back to the backoff without it. Every retry is counted in
/// the connector's health and <c>streamfinance_connector_retries_total</c>.
/// </summary>
public static class RestResilience
{
    /// <summary>The pipeline for <paramref name="options"/>, reporting retries to <paramref name="health"/>.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Build(RestPollingOptions options, ConnectorHealth health, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var time = clock ?? TimeProvider.System;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
            builder.AddRetry(Retry(options.MaxRetries, options.BaseDelayMs, options.MaxDelayMs, options.MaxRetryAfterSeconds, health, time));
        return builder.AddTimeout(TimeSpan.FromMilliseconds(options.RequestTimeoutMs)).Build();
    }

    /// <summary>
    /// The one retry rule of StreamFinance's HTTP calls (REST sources and ERP sinks): 408, 429, 5xx, timeouts and
    /// connection errors retried up to <paramref name="maxRetries"/> times (1 or more) with exponential backoff and
    /// jitter from <paramref name="baseDelayMs"/> to <paramref name="maxDelayMs"/>; a 429 or 503 waits its Retry-After
    /// (capped at <paramref name="maxRetryAfterSeconds"/>); each retry counted in <paramref name="health"/>.
    /// </summary>
    public static RetryStrategyOptions<HttpResponseMessage> Retry(int maxRetries, int baseDelayMs, int maxDelayMs, int maxRetryAfterSeconds, ConnectorHealth health, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRetries, 1);
        return new RetryStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .Handle<TimeoutRejectedException>()
                .HandleResult(IsTransient),
            MaxRetryAttempts = maxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(baseDelayMs),
            MaxDelay = TimeSpan.FromMilliseconds(maxDelayMs),
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, clock, maxRetryAfterSeconds)),
            OnRetry = _ =>
            {
                health.Retried();
                return ValueTask.CompletedTask;
            },
        };
    }

    /// <summary>Whether a response is worth retrying: 408, 429 and every 5xx.</summary>
    public static bool IsTransient(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500;

    /// <summary>
    /// The wait a 429 or 503 asks for in Retry-After (delta seconds or HTTP date), capped at <paramref name="maxSeconds"/>;
    /// null when there is none, so the exponential backoff applies.
    /// </summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider clock, int maxSeconds)
    {
        if (response?.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || response.Headers.RetryAfter is not { } retryAfter)
            return null;
        var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - clock.GetUtcNow() : (TimeSpan?)null);
        if (wait is not { } w)
            return null;
        if (w < TimeSpan.Zero)
            w = TimeSpan.Zero;
        return w > TimeSpan.FromSeconds(maxSeconds) ? TimeSpan.FromSeconds(maxSeconds) : w;
    }
}
