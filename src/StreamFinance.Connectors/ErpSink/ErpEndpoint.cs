using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;
using StreamFinance.Connectors.Mapping.Outbound;
using StreamFinance.Connectors.Rest;
using StreamFinance.Connectors.Runtime;

namespace StreamFinance.Connectors.ErpSink;

/// <summary>
/// One ERP endpoint as a sink calls it, respecting it on Polly: from the outside in, retries (429 waits what
/// Retry-After says, capped; 408, 5xx, timeouts and connection errors back off exponentially with jitter), a circuit
/// breaker (5xx, 408, timeouts and connection errors; 429 is throttling, not an outage), a concurrency limit, the
/// endpoint's token bucket (<see cref="ErpTokenBucket"/>) and a timeout per attempt. Every attempt is counted and timed
/// in <see cref="ErpSinkMetrics"/>; retries also in the connector's health. Credentials are sent, never logged.
/// </summary>
public sealed class ErpEndpoint : IDisposable
{
    private readonly string connector;
    private readonly ErpSinkOptions options;
    private readonly HttpClient http;
    private readonly ErpSinkMetrics metrics;
    private readonly TimeProvider clock;
    private readonly ErpTokenBucket bucket;
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;
    private readonly Uri baseUri;

    /// <summary>The endpoint of <paramref name="options"/> for connector <paramref name="connector"/>; <paramref name="http"/> is used as is (no timeout of its own is needed).</summary>
    public ErpEndpoint(string connector, ErpSinkOptions options, HttpClient http, ErpSinkMetrics metrics, ConnectorHealth health, TimeProvider clock)
    {
        this.connector = connector;
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        this.http = http ?? throw new ArgumentNullException(nameof(http));
        this.metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        ArgumentNullException.ThrowIfNull(health);
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
        baseUri = new Uri(options.BaseUrl.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/");
        bucket = new ErpTokenBucket(options, clock);
        metrics.CircuitOpen.WithLabels(connector).Set(0);
        pipeline = Build(health);
    }

    /// <summary>Whether the circuit is open now (the ERP is treated as down).</summary>
    public bool CircuitOpen { get; private set; }

    /// <summary>How long a partition waits after the ERP was found unavailable: the breaker's break duration.</summary>
    public TimeSpan PauseAfterOutage => TimeSpan.FromMilliseconds(options.BreakDurationMs);

    /// <summary>Sends <paramref name="request"/> with the endpoint's resilience; never throws for what the ERP does.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public async Task<ErpCallResult> SendAsync(ErpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            using var response = await pipeline.ExecuteAsync(token => AttemptAsync(request, token), ct).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            var headers = response.Headers.Concat(response.Content.Headers)
                .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => string.Join(",", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
            if (response.IsSuccessStatusCode)
                return new ErpCallResult(ErpCallKind.Posted, status, body, headers);
            if (IsRefusal(response.StatusCode))
                return new ErpCallResult(ErpCallKind.Rejected, status, body, headers);
            var why = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                ? "; check the sink's BearerToken, ApiKey or Username/Password"
                : $" after {options.MaxRetries} retries";
            return ErpCallResult.Unavailable($"{request.Method} {request.Path} answered {status} {response.ReasonPhrase}{why}", status);
        }
        catch (BrokenCircuitException)
        {
            return ErpCallResult.Unavailable($"the circuit to {baseUri.Host} is open after repeated failures; calls resume in {options.BreakDurationMs} ms");
        }
        catch (TimeoutRejectedException)
        {
            return ErpCallResult.Unavailable($"{request.Method} {request.Path} timed out after {options.RequestTimeoutMs} ms, {options.MaxRetries} retries");
        }
        catch (HttpRequestException e)
        {
            return ErpCallResult.Unavailable($"{request.Method} {request.Path} failed: {e.Message}");
        }
    }

    /// <summary>A status that refuses the posting for good: 4xx other than 401, 403, 408 and 429.</summary>
    public static bool IsRefusal(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 && status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);

    /// <inheritdoc />
    public void Dispose() => bucket.Dispose();

    private async ValueTask<HttpResponseMessage> AttemptAsync(ErpRequest request, CancellationToken token)
    {
        var started = clock.GetTimestamp();
        try
        {
            var response = await http.SendAsync(Message(request), HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
            var code = response.StatusCode;
            metrics.Calls.WithLabels(connector, response.IsSuccessStatusCode ? ErpSinkMetrics.Posted
                : code == HttpStatusCode.TooManyRequests ? ErpSinkMetrics.Throttled
                : IsRefusal(code) ? ErpSinkMetrics.Rejected
                : ErpSinkMetrics.Unavailable).Inc();
            if (code == HttpStatusCode.TooManyRequests)
                metrics.Throttles.WithLabels(connector, "erp").Inc();
            return response;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            metrics.Calls.WithLabels(connector, ErpSinkMetrics.Timeout).Inc();
            throw;
        }
        catch (HttpRequestException)
        {
            metrics.Calls.WithLabels(connector, ErpSinkMetrics.Error).Inc();
            throw;
        }
        finally
        {
            metrics.Duration.WithLabels(connector).Observe(clock.GetElapsedTime(started).TotalSeconds);
        }
    }

    private HttpRequestMessage Message(ErpRequest request)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(baseUri, request.Path))
        {
            Content = new ByteArrayContent(request.Body),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        foreach (var (name, value) in request.Headers)
            message.Headers.TryAddWithoutValidation(name, value);
        if (!string.IsNullOrEmpty(options.BearerToken))
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.BearerToken);
        else if (!string.IsNullOrEmpty(options.Username))
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}")));
        if (!string.IsNullOrEmpty(options.ApiKey))
            message.Headers.TryAddWithoutValidation(options.ApiKeyHeader, options.ApiKey);
        return message;
    }

    private ResiliencePipeline<HttpResponseMessage> Build(ConnectorHealth health)
    {
        var limiter = bucket;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
        if (options.MaxRetries > 0)
            builder.AddRetry(RestResilience.Retry(options.MaxRetries, options.BaseDelayMs, options.MaxDelayMs, options.MaxRetryAfterSeconds, health, clock));
        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => r.StatusCode == HttpStatusCode.RequestTimeout || (int)r.StatusCode >= 500),
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = TimeSpan.FromMilliseconds(options.BreakerSamplingMs),
                BreakDuration = TimeSpan.FromMilliseconds(options.BreakDurationMs),
                OnOpened = _ => SetCircuit(true),
                OnClosed = _ => SetCircuit(false),
                OnHalfOpened = _ => SetCircuit(false),
            })
            .AddConcurrencyLimiter(options.MaxConcurrency, int.MaxValue)
            .AddRateLimiter(new RateLimiterStrategyOptions
            {
                RateLimiter = async args =>
                {
                    var lease = limiter.AttemptAcquire();
                    if (lease.IsAcquired)
                        return lease;
                    lease.Dispose();
                    metrics.Throttles.WithLabels(connector, "sink").Inc();
                    return await limiter.AcquireAsync(1, args.Context.CancellationToken).ConfigureAwait(false);
                },
            })
            .AddTimeout(TimeSpan.FromMilliseconds(options.RequestTimeoutMs))
            .Build();
    }

    private ValueTask SetCircuit(bool open)
    {
        CircuitOpen = open;
        metrics.CircuitOpen.WithLabels(connector).Set(open ? 1 : 0);
        return ValueTask.CompletedTask;
    }
}
