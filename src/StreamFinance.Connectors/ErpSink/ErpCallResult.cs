namespace StreamFinance.Connectors.ErpSink;

/// <summary>What became of one posting call after the endpoint's retries.</summary>
/// <param name="Kind">Posted, refused for good, or the ERP unavailable (nothing to record: the partition pauses and the record is sent again).</param>
/// <param name="StatusCode">The last HTTP status; null when no answer came (timeout, connection error, open circuit).</param>
/// <param name="Body">The last answer's body; empty when none.</param>
/// <param name="Headers">The last answer's headers (and content headers), by name, case-insensitive.</param>
/// <param name="Problem">Why the ERP is unavailable, for logs and health; null otherwise.</param>
public sealed record ErpCallResult(ErpCallKind Kind, int? StatusCode, string Body, IReadOnlyDictionary<string, string> Headers, string? Problem = null)
{
    /// <summary>An ERP that did not answer usefully.</summary>
    public static ErpCallResult Unavailable(string problem, int? status = null) =>
        new(ErpCallKind.Unavailable, status, "", new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), problem);

    /// <summary>A header of the answer, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>The outcome classes of an ERP call.</summary>
public enum ErpCallKind
{
    /// <summary>2xx: the ERP holds the document (created now, or earlier under the same idempotency key).</summary>
    Posted,

    /// <summary>A 4xx other than 401, 403, 408 and 429: the ERP refuses the posting; sending it again changes nothing.</summary>
    Rejected,

    /// <summary>No usable answer after the retries: 5xx, 408, 429, 401/403, timeouts, connection errors, or the circuit is open.</summary>
    Unavailable,
}
