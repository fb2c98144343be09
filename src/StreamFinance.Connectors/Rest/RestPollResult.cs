using StreamFinance.Connectors.Runtime;

namespace StreamFinance.Connectors.Rest;

/// <summary>The outcome of one poll.</summary>
/// <param name="Ingest">The page's accounting.</param>
/// <param name="Cursor">The cursor or watermark the next poll asks with.</param>
/// <param name="HasMore">Whether the API named a next page, to be fetched without waiting.</param>
public sealed record RestPollResult(IngestResult Ingest, string? Cursor, bool HasMore);
