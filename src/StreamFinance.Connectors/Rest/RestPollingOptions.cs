namespace StreamFinance.Connectors.Rest;

/// <summary>
/// A vendor-style REST API polled page by page. Bound from <c>Connectors:&lt;name&gt;:Rest</c>. <see cref="BearerToken"/>
/// and <see cref="ApiKey"/> are secrets: the host masks them in every log line and never prints them.
/// </summary>
public sealed class RestPollingOptions
{
    /// <summary>Base address of the API, e.g. <c>https://api.vendor.example/</c>. Required.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>Endpoint path relative to <see cref="BaseUrl"/>, e.g. <c>v3/expenses</c>; also the offset's source. Required.</summary>
    public string Path { get; set; } = "";

    /// <summary>Cursor or watermark paging. Default <see cref="RestPaging.Cursor"/>.</summary>
    public RestPaging Paging { get; set; } = RestPaging.Cursor;

    /// <summary>Query parameter that carries the cursor. Default <c>cursor</c>.</summary>
    public string CursorParameter { get; set; } = "cursor";

    /// <summary>Dotted paths in the page body where the next cursor may be, first found wins. Default <c>next_cursor</c>, <c>page.next</c>.</summary>
    public List<string> NextCursorPaths { get; set; } = [];

    /// <summary>Query parameter that carries the watermark. Default <c>updated_since</c>.</summary>
    public string WatermarkParameter { get; set; } = "updated_since";

    /// <summary>Record field (path of the profile's format) holding the record's change time. Default <c>$.updated_at</c>.</summary>
    public string WatermarkField { get; set; } = "$.updated_at";

    /// <summary>Watermark of the very first poll; null asks for everything (default).</summary>
    public string? InitialWatermark { get; set; }

    /// <summary>Wait between polls once the last page was read, in milliseconds. Default 30000.</summary>
    public int PollIntervalMs { get; set; } = 30_000;

    /// <summary>Bearer token sent as <c>Authorization: Bearer</c>; secret. Default none.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Header carrying <see cref="ApiKey"/>. Default <c>X-Api-Key</c>.</summary>
    public string ApiKeyHeader { get; set; } = "X-Api-Key";

    /// <summary>API key sent in <see cref="ApiKeyHeader"/>; secret. Default none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Retries of one request after 429, 5xx, timeouts and connection errors. Default 5.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>First backoff delay in milliseconds, doubled each retry with jitter. Default 500.</summary>
    public int BaseDelayMs { get; set; } = 500;

    /// <summary>Longest backoff delay in milliseconds. Default 30000.</summary>
    public int MaxDelayMs { get; set; } = 30_000;

    /// <summary>Longest Retry-After honoured, in seconds; a longer one fails the poll (retried on the next). Default 300.</summary>
    public int MaxRetryAfterSeconds { get; set; } = 300;

    /// <summary>Timeout of one request attempt, in milliseconds. Default 30000.</summary>
    public int RequestTimeoutMs { get; set; } = 30_000;

    /// <summary>The next-cursor paths in effect.</summary>
    public IReadOnlyList<string> EffectiveNextCursorPaths => NextCursorPaths.Count > 0 ? NextCursorPaths : ["next_cursor", "page.next"];

    /// <summary>Every problem with these settings, each phrased so a person can fix it; <paramref name="prefix"/> names the section.</summary>
    public IEnumerable<string> Validate(string prefix)
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return $"{prefix}:BaseUrl '{BaseUrl}' is not an absolute http(s) address.";
        if (string.IsNullOrWhiteSpace(Path))
            yield return $"{prefix}:Path is empty: name the endpoint, e.g. v3/expenses.";
        if (PollIntervalMs is < 10 or > 86_400_000)
            yield return $"{prefix}:PollIntervalMs is {PollIntervalMs}: use 10 to 86400000.";
        if (MaxRetries is < 0 or > 50)
            yield return $"{prefix}:MaxRetries is {MaxRetries}: use 0 to 50.";
        if (BaseDelayMs < 1 || MaxDelayMs < BaseDelayMs)
            yield return $"{prefix}:BaseDelayMs {BaseDelayMs} and MaxDelayMs {MaxDelayMs}: use BaseDelayMs >= 1 and MaxDelayMs >= BaseDelayMs.";
        if (RequestTimeoutMs is < 100 or > 600_000)
            yield return $"{prefix}:RequestTimeoutMs is {RequestTimeoutMs}: use 100 to 600000.";
        if (!string.IsNullOrEmpty(ApiKey) && string.IsNullOrWhiteSpace(ApiKeyHeader))
            yield return $"{prefix}:ApiKeyHeader is empty while ApiKey is set: name the header, e.g. X-Api-Key.";
    }
}
