namespace StreamFinance.Connectors.Webhooks;

/// <summary>
/// A webhook receiver: <c>POST /webhooks/{connector}</c> on its own listener. Bound from <c>Connectors:&lt;name&gt;:Webhook</c>.
/// <see cref="Secret"/> is secret: the host masks it in every log line.
/// </summary>
public sealed class WebhookOptions
{
    /// <summary>Address to listen on. Default <c>127.0.0.1</c>.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Port to listen on; 0 takes a free one (tests). Default 8090.</summary>
    public int Port { get; set; } = 8090;

    /// <summary>Shared secret of the HMAC-SHA256 signature over <c>&lt;timestamp&gt;.&lt;raw body&gt;</c> (<see cref="WebhookSignature"/>). Required.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Header carrying <c>sha256=&lt;hex&gt;</c>. Default <c>X-StreamFinance-Signature</c>.</summary>
    public string SignatureHeader { get; set; } = "X-StreamFinance-Signature";

    /// <summary>Header carrying the Unix time in seconds at which the sender signed the delivery, part of what is signed. Default <c>X-StreamFinance-Timestamp</c>.</summary>
    public string TimestampHeader { get; set; } = "X-StreamFinance-Timestamp";

    /// <summary>
    /// Most seconds a delivery's timestamp may be from the receiver's clock, either way; outside it the delivery is
    /// refused with 401, so a captured delivery cannot be replayed later. Deliveries are remembered for at least this
    /// long after acceptance, so one replayed within it is answered as a duplicate. Default 300.
    /// </summary>
    public int ToleranceSeconds { get; set; } = 300;

    /// <summary>
    /// Most deliveries remembered at once; past it the one closest to the end of its window is forgotten early (and a
    /// warning logged). Each costs about 60 bytes in memory and 40 in the connector's offsets. Default 10000.
    /// </summary>
    public int MaxRememberedDeliveries { get; set; } = 10_000;

    /// <summary>Header carrying the sender's event id, committed as the cursor and used as the dead letters' idempotency key. Default <c>X-StreamFinance-Event-Id</c>.</summary>
    public string EventIdHeader { get; set; } = "X-StreamFinance-Event-Id";

    /// <summary>Largest body accepted, in bytes; larger ones get 413. Default 1048576 (1 MiB).</summary>
    public int MaxBodyBytes { get; set; } = 1_048_576;

    /// <summary>Every problem with these settings, each phrased so a person can fix it; <paramref name="prefix"/> names the section.</summary>
    public IEnumerable<string> Validate(string prefix)
    {
        if (!System.Net.IPAddress.TryParse(Host, out _) && Host != "localhost")
            yield return $"{prefix}:Host '{Host}' is not an IP address or localhost.";
        if (Port is < 0 or > 65535)
            yield return $"{prefix}:Port is {Port}: use 0 to 65535.";
        if (Secret.Length < 16)
            yield return $"{prefix}:Secret is shorter than 16 characters: set a long random shared secret (also given to the sender).";
        if (string.IsNullOrWhiteSpace(SignatureHeader) || string.IsNullOrWhiteSpace(EventIdHeader) || string.IsNullOrWhiteSpace(TimestampHeader))
            yield return $"{prefix}:SignatureHeader, TimestampHeader and EventIdHeader must name headers.";
        if (ToleranceSeconds is < 10 or > 3600)
            yield return $"{prefix}:ToleranceSeconds is {ToleranceSeconds}: use 10 to 3600 (default 300).";
        if (MaxRememberedDeliveries is < 100 or > 15_000)
            yield return $"{prefix}:MaxRememberedDeliveries is {MaxRememberedDeliveries}: use 100 to 15000 (they are kept in one offsets record each 10 s of the window).";
        if (MaxBodyBytes is < 1 or > 100_000_000)
            yield return $"{prefix}:MaxBodyBytes is {MaxBodyBytes}: use 1 to 100000000.";
    }
}
