namespace StreamFinance.Connectors.Sources.Formats;

/// <summary>
/// One CSV row addressed by column header (trimmed, exact case). Empty cells and unknown columns read as null.
/// CSV has no repeated groups, so <see cref="Items"/> is always empty.
/// </summary>
public sealed class CsvSourceDocument : ISourceDocument
{
    private readonly IReadOnlyDictionary<string, string> cells;

    /// <summary>Pairs <paramref name="headers"/> with <paramref name="values"/> by position; the first of duplicate headers wins.</summary>
    public CsvSourceDocument(IReadOnlyList<string> headers, IReadOnlyList<string> values)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count && i < values.Count; i++)
            map.TryAdd(headers[i].Trim(), values[i]);
        cells = map;
    }

    /// <summary>The column headers this row has values for.</summary>
    public IEnumerable<string> Columns => cells.Keys;

    /// <inheritdoc />
    public string? Value(string path) =>
        cells.TryGetValue(path.Trim(), out var value) && value.Length > 0 ? value : null;

    /// <inheritdoc />
    public IReadOnlyList<ISourceDocument> Items(string path) => [];
}
