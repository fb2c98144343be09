using System.Collections.Concurrent;
using System.Text.Json;

namespace StreamFinance.Connectors.Sources.Formats;

/// <summary>
/// A JSON record (object, or any JSON value) addressed by <see cref="JsonPath"/>s (a filtered path reads its first
/// match as a value, and all its matches as items). Strings come back unescaped,
/// numbers and booleans in their JSON text, objects and arrays as their raw JSON; <c>null</c> and empty strings as null.
/// </summary>
public sealed class JsonSourceDocument : ISourceDocument
{
    private static readonly ConcurrentDictionary<string, JsonPath> Paths = new(StringComparer.Ordinal);

    /// <summary>Wraps <paramref name="root"/>; the element must outlive the document (pass a <see cref="JsonElement.Clone"/>).</summary>
    public JsonSourceDocument(JsonElement root) => Root = root;

    /// <summary>The record's JSON.</summary>
    public JsonElement Root { get; }

    /// <summary>Parses UTF-8 JSON into a document.</summary>
    /// <exception cref="JsonException">The bytes are not JSON.</exception>
    public static JsonSourceDocument Parse(ReadOnlyMemory<byte> utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        return new JsonSourceDocument(document.RootElement.Clone());
    }

    /// <inheritdoc />
    public string? Value(string path) => Read(path).Text;

    /// <inheritdoc />
    public SourceValue Read(string path)
    {
        if (PathOf(path).Resolve(Root) is not { } e)
            return new SourceValue(null, SourceValueKind.Absent);
        return e.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => new SourceValue(null, SourceValueKind.Null),
            JsonValueKind.String => e.GetString() is { Length: > 0 } s ? new SourceValue(s, SourceValueKind.String) : new SourceValue(null, SourceValueKind.Absent),
            JsonValueKind.Number => new SourceValue(e.GetRawText(), SourceValueKind.Number),
            JsonValueKind.True or JsonValueKind.False => new SourceValue(e.GetRawText(), SourceValueKind.Boolean),
            JsonValueKind.Object => new SourceValue(e.GetRawText(), SourceValueKind.Object),
            _ => new SourceValue(e.GetRawText(), SourceValueKind.Array),
        };
    }

    /// <inheritdoc />
    public IReadOnlyList<ISourceDocument> Items(string path)
    {
        var items = new List<ISourceDocument>();
        foreach (var element in PathOf(path).ResolveAll(Root))
        {
            if (element.ValueKind == JsonValueKind.Array)
                items.AddRange(element.EnumerateArray().Select(item => (ISourceDocument)new JsonSourceDocument(item)));
            else if (element.ValueKind == JsonValueKind.Object)
                items.Add(new JsonSourceDocument(element));
        }
        return items;
    }

    private static JsonPath PathOf(string path) => Paths.GetOrAdd(path, JsonPath.Parse);
}
