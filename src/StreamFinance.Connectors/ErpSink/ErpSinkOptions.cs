namespace StreamFinance.Connectors.ErpSink;

/// <summary>
/// An ERP sink: the endpoint it posts to, its credentials, and how it respects the ERP. Bound from
/// <c>Connectors:&lt;name&gt;:ErpRest</c>. <see cref="BearerToken"/>, <see cref="ApiKey"/> and <see cref="Password"/> are
/// secrets: the host masks them in every log line, health answer and metric, and never prints them.
/// </summary>
public sealed class ErpSinkOptions
{
    /// <summary>Base address of the ERP's API, e.g. <c>https://1234567.suitetalk.api.netsuite.com/</c>; the profile's paths are relative to it. Required.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>Name of the ERP instance written into each confirmation's <c>targetSystem</c>, e.g. <c>netsuite-us</c>. Default: the profile's target system.</summary>
    public string? TargetSystem { get; set; }

    /// <summary>Bearer token sent as <c>Authorization: Bearer</c>; secret. Default none.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Header carrying <see cref="ApiKey"/>. Default <c>X-Api-Key</c>.</summary>
    public string ApiKeyHeader { get; set; } = "X-Api-Key";

    /// <summary>API key sent in <see cref="ApiKeyHeader"/>; secret. Default none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>User of HTTP basic authentication (with <see cref="Password"/>). Default none.</summary>
    public string? Username { get; set; }

    /// <summary>Password of HTTP basic authentication; secret. Default none.</summary>
    public string? Password { get; set; }

    /// <summary>Consumer group shared by every instance of this sink, so they share the topic's partitions. Default <c>streamfinance-erp-sink.&lt;connector name&gt;</c>.</summary>
    public string? ConsumerGroup { get; set; }

    /// <summary>Most records taken from Kafka per batch; offsets are committed after each batch. Default 50.</summary>
    public int MaxBatch { get; set; } = 50;

    /// <summary>Sustained calls per second to the endpoint (token bucket). Default 10.</summary>
    public double RequestsPerSecond { get; set; } = 10;

    /// <summary>Calls the bucket allows at once after a quiet spell. Default 10.</summary>
    public int Burst { get; set; } = 10;

    /// <summary>Calls in flight at most. Default 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Retries of one call after 429, 408, 5xx, timeouts and connection errors. Default 5.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>First backoff delay in milliseconds, doubled each retry with jitter. Default 500.</summary>
    public int BaseDelayMs { get; set; } = 500;

    /// <summary>Longest backoff delay in milliseconds. Default 30000.</summary>
    public int MaxDelayMs { get; set; } = 30_000;

    /// <summary>Longest Retry-After honoured, in seconds (a longer one is capped). Default 300.</summary>
    public int MaxRetryAfterSeconds { get; set; } = 300;

    /// <summary>Timeout of one call attempt, in milliseconds. Default 30000.</summary>
    public int RequestTimeoutMs { get; set; } = 30_000;

    /// <summary>Share of failed calls (5xx, 408, timeouts, connection errors) in <see cref="BreakerSamplingMs"/> that opens the circuit. Default 0.5.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the sampling window before the circuit may open. Default 5.</summary>
    public int BreakerMinimumThroughput { get; set; } = 5;

    /// <summary>The circuit breaker's sampling window, in milliseconds. Default 30000.</summary>
    public int BreakerSamplingMs { get; set; } = 30_000;

    /// <summary>How long an open circuit (and the partitions it paused) waits before trying again, in milliseconds. Default 30000.</summary>
    public int BreakDurationMs { get; set; } = 30_000;

    /// <summary>Kafka session timeout of the sink's consumer, in milliseconds: how soon a crashed instance's partitions move. Default 45000.</summary>
    public int SessionTimeoutMs { get; set; } = 45_000;

    /// <summary>The consumer group in effect for connector <paramref name="connector"/>.</summary>
    public string EffectiveConsumerGroup(string connector) => string.IsNullOrWhiteSpace(ConsumerGroup) ? $"streamfinance-erp-sink.{connector}" : ConsumerGroup;

    /// <summary>Every problem with these settings, each phrased so a person can fix it; <paramref name="prefix"/> names the section.</summary>
    public IEnumerable<string> Validate(string prefix)
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return $"{prefix}:BaseUrl '{BaseUrl}' is not an absolute http(s) address of the ERP's API.";
        if (MaxBatch is < 1 or > 10_000)
            yield return $"{prefix}:MaxBatch is {MaxBatch}: use 1 to 10000.";
        if (!(RequestsPerSecond > 0 && RequestsPerSecond <= 10_000))
            yield return $"{prefix}:RequestsPerSecond is {RequestsPerSecond}: use more than 0 and at most 10000, as the ERP's API limits allow.";
        if (Burst is < 1 or > 10_000)
            yield return $"{prefix}:Burst is {Burst}: use 1 to 10000.";
        if (MaxConcurrency is < 1 or > 256)
            yield return $"{prefix}:MaxConcurrency is {MaxConcurrency}: use 1 to 256.";
        if (MaxRetries is < 0 or > 50)
            yield return $"{prefix}:MaxRetries is {MaxRetries}: use 0 to 50.";
        if (BaseDelayMs < 1 || MaxDelayMs < BaseDelayMs)
            yield return $"{prefix}:BaseDelayMs {BaseDelayMs} and MaxDelayMs {MaxDelayMs}: use BaseDelayMs >= 1 and MaxDelayMs >= BaseDelayMs.";
        if (RequestTimeoutMs is < 10 or > 600_000)
            yield return $"{prefix}:RequestTimeoutMs is {RequestTimeoutMs}: use 10 to 600000.";
        if (!(BreakerFailureRatio > 0 && BreakerFailureRatio <= 1))
            yield return $"{prefix}:BreakerFailureRatio is {BreakerFailureRatio}: use more than 0 and at most 1.";
        if (BreakerMinimumThroughput < 2)
            yield return $"{prefix}:BreakerMinimumThroughput is {BreakerMinimumThroughput}: use 2 or more.";
        if (BreakerSamplingMs < 500 || BreakDurationMs < 500)
            yield return $"{prefix}:BreakerSamplingMs {BreakerSamplingMs} and BreakDurationMs {BreakDurationMs}: use 500 or more for each.";
        if (SessionTimeoutMs is < 1_000 or > 300_000)
            yield return $"{prefix}:SessionTimeoutMs is {SessionTimeoutMs}: use 1000 to 300000.";
        if (!string.IsNullOrEmpty(ApiKey) && string.IsNullOrWhiteSpace(ApiKeyHeader))
            yield return $"{prefix}:ApiKeyHeader is empty while ApiKey is set: name the header, e.g. X-Api-Key.";
        if (string.IsNullOrEmpty(Username) != string.IsNullOrEmpty(Password))
            yield return $"{prefix}:Username and Password go together for basic authentication: set both or neither.";
    }
}
