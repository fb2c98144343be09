using StreamFinance.Connectors.Sources.X12;

namespace StreamFinance.Connectors.Sources.Formats;

/// <summary>
/// The payload formats known by name (case-insensitive), as mapping profiles refer to them.
/// <see cref="Default"/> holds <c>csv</c>, <c>jsonl</c>, <c>json</c> and <c>x12</c>; add others with <see cref="With"/>.
/// </summary>
public sealed class SourceFormats
{
    private readonly Dictionary<string, ISourceFormat> byName;

    /// <summary>A registry of <paramref name="formats"/>; two formats with the same name are an error.</summary>
    /// <exception cref="ArgumentException">Two formats share a name.</exception>
    public SourceFormats(IEnumerable<ISourceFormat> formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        byName = new Dictionary<string, ISourceFormat>(StringComparer.OrdinalIgnoreCase);
        foreach (var format in formats)
            if (!byName.TryAdd(format.Name, format))
                throw new ArgumentException($"Two source formats are named '{format.Name}'; format names must be unique.", nameof(formats));
    }

    /// <summary>csv, jsonl, json and x12.</summary>
    public static SourceFormats Default { get; } = new([new CsvFormat(), new JsonLinesFormat(), new JsonFormat(), new X12Format()]);

    /// <summary>The registered formats' names.</summary>
    public IReadOnlyCollection<string> Names => byName.Keys;

    /// <summary>The format named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such format; the message lists the known ones.</exception>
    public ISourceFormat Get(string name) =>
        TryGet(name, out var format) ? format : throw new KeyNotFoundException($"Source format '{name}' is not registered. Known formats: {string.Join(", ", byName.Keys)}.");

    /// <summary>Looks a format up by name.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ISourceFormat? format) => byName.TryGetValue(name, out format);

    /// <summary>A registry with these formats plus <paramref name="more"/>.</summary>
    public SourceFormats With(params ISourceFormat[] more) => new(byName.Values.Concat(more));
}
