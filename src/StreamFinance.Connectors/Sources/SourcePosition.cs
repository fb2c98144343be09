namespace StreamFinance.Connectors.Sources;

/// <summary>
/// Where a source record came from, for dead letters, logs and connector offsets.
/// </summary>
/// <param name="Location">File name (file drop), endpoint path (REST poll), <c>webhook</c>, or the generator's name.</param>
/// <param name="Line">1-based line of the record's first line in a file (for EDI: the segment number of its ST segment); for REST and webhooks the 1-based index of the record in its page or body.</param>
/// <param name="Cursor">The source's own position when it has one: API cursor or watermark, webhook event id; null for files.</param>
public sealed record SourcePosition(string Location, long Line, string? Cursor = null)
{
    /// <summary>Human form, e.g. <c>expenses-2026-11-26.csv:42</c> or <c>/v3/expenses#7 (cursor abc)</c>.</summary>
    public override string ToString() => Cursor is null ? $"{Location}:{Line}" : $"{Location}#{Line} (cursor {Cursor})";
}
