namespace StreamFinance.Contracts;

/// <summary>
/// Names of the Kafka headers every canonical record carries (set by the connectors from the record's envelope) and
/// that dead letters, logs and the audit trail read back. Declared once: writers and readers cannot disagree.
/// </summary>
public static class RecordHeaders
{
    /// <summary>Correlation id of the business transaction.</summary>
    public const string CorrelationId = "streamfinance.correlation-id";

    /// <summary>Source system, e.g. concur.</summary>
    public const string SourceSystem = "streamfinance.source-system";

    /// <summary>Idempotency key: the same for a re-sent record.</summary>
    public const string IdempotencyKey = "streamfinance.idempotency-key";

    /// <summary>Ingest time, ISO 8601 UTC.</summary>
    public const string IngestTime = "streamfinance.ingest-time";

    /// <summary>
    /// Replay attempt of a record re-submitted from a dead-letter topic by <c>streamfinance dlq replay</c>, decimal
    /// (1 for the first replay); absent on an original delivery. A topology lets a dead-lettered record in again only with it.
    /// </summary>
    public const string ReplayAttempt = "streamfinance.replay-attempt";
}
