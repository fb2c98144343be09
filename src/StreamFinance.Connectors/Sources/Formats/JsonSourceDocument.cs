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

    /// <summary>
    /// Whether UTF-8 JSON may hold a string that no .NET string can hold (see <see cref="UnreadableString(JsonElement)"/>):
    /// only an escape (<c>\\u</c>) or bytes that are not UTF-8 can make one, so other JSON need not be walked.
    /// </summary>
    internal static bool MayHoldUnreadableStrings(ReadOnlySpan<byte> utf8) => utf8.IndexOf("\\u"u8) >= 0 || !System.Text.Unicode.Utf8.IsValid(utf8);

    /// <summary>
    /// Where <paramref name="element"/> holds a string or member name that no .NET string can hold, which the JSON reader
    /// accepts but reading the text throws on: an escaped lone surrogate such as <c>\\uD800</c>, or bytes that are not
    /// UTF-8; null when every string reads.
    /// </summary>
    internal static string? UnreadableString(JsonElement element) => UnreadableString(element, "$");

    private static string? UnreadableString(JsonElement element, string path)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return null;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                        if (UnreadableString(item, $"{path}[{index++}]") is { } inItem)
                            return inItem;
                    return null;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                        if (UnreadableString(property.Value, $"{path}.{property.Name}") is { } inMember)
                            return inMember;
                    return null;
                default:
                    return null;
            }
        }
        catch (InvalidOperationException)
        {
            return $"a string or member name in {path} that is not valid Unicode (an escaped lone surrogate such as \\uD800, or bytes that are not UTF-8)";
        }
    }

    private static JsonPath PathOf(string path) => Paths.GetOrAdd(path, JsonPath.Parse);
}
