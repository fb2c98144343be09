namespace StreamFinance.Connectors.Runtime;

/// <summary>
/// One unit of ingest with one committed position: a file, an API page, a webhook body, a generator tick.
/// </summary>
/// <param name="Source">The source within the connector, the second half of the offset key: file name, endpoint path, <c>webhook</c>.</param>
/// <param name="Items">The records, lazily and in source order.</param>
public sealed record IngestBatch(string Source, IEnumerable<IngestItem> Items)
{
    /// <summary>Items at or below this line were acknowledged before a restart and are skipped. Default 0 (none).</summary>
    public long ResumeAfterLine { get; init; }

    /// <summary>The cursor the batch was fetched with, committed with partial progress; null for files (default).</summary>
    public string? Cursor { get; init; }

    /// <summary>The cursor to commit once every item is acknowledged (the next page's cursor, the new watermark, the event id), with line 0. Default: <see cref="Cursor"/>.</summary>
    public string? NextCursor { get; init; }

    /// <summary>Whether the final commit marks the source completed (a whole file). Default false.</summary>
    public bool CompletesSource { get; init; }

    /// <summary>Records of the source acknowledged before this batch, carried into <c>recordsCommitted</c>. Default 0.</summary>
    public long RecordsCommittedBefore { get; init; }

    /// <summary>Commit progress within the batch after this many records at most. Default 1000.</summary>
    public int CommitEveryRecords { get; init; } = 1000;

    /// <summary>Whether positions are committed at all. Default true; false for sources whose position means nothing on restart (webhooks answer per request).</summary>
    public bool CommitOffsets { get; init; } = true;
}
