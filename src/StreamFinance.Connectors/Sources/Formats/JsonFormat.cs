using System.Text.Json;

namespace StreamFinance.Connectors.Sources.Formats;

/// <summary>
/// A JSON document split into records, name <c>json</c>. Option <c>records</c>: the <see cref="JsonPath"/> of the array
/// whose elements are the records, e.g. <c>$.Items</c> (Concur), <c>$.data</c> (Ramp), <c>$.value</c> (OData).
/// Default: the root array's elements, or the root object as one record. Each record's raw bytes are the element's
/// UTF-8 JSON; its position is the 1-based index of the element. A payload that is not JSON, or has no array at the
/// records path, is one <see cref="SourceParseFailure"/> with the whole payload; an object page whose records array is
/// absent or null is an empty page.
/// </summary>
public sealed class JsonFormat : ISourceFormat
{
    /// <summary>The option naming the records array.</summary>
    public const string RecordsOption = "records";

    /// <inheritdoc />
    public string Name => "json";

    /// <inheritdoc />
    public IEnumerable<SourceReadResult> Read(ReadOnlyMemory<byte> payload, string location, IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(options);
        var position = new SourcePosition(location, 1);
        JsonSourceDocument document;
        try
        {
            document = JsonSourceDocument.Parse(payload);
        }
        catch (JsonException exception)
        {
            return [Failure(position, payload, $"the payload is not valid JSON ({exception.Message}).")];
        }

        JsonElement records;
        if (options.TryGetValue(RecordsOption, out var recordsPath))
        {
            JsonPath path;
            try
            {
                path = JsonPath.Parse(recordsPath);
            }
            catch (FormatException exception)
            {
                return [Failure(position, payload, $"JSON option records: {exception.Message}")];
            }
            JsonElement? found;
            try
            {
                found = path.Resolve(document.Root);
            }
            catch (InvalidOperationException)
            {
                // A member name on the way escapes a lone surrogate (\uD800): the reader accepts it, comparing names throws.
                return [Failure(position, payload, $"a member name on the records path {recordsPath} is not valid Unicode (an escaped lone surrogate such as \\uD800).")];
            }
            if (found is not { ValueKind: JsonValueKind.Array } array)
            {
                // An empty page may leave the array out of its object or set it to null; anything else is a payload of the wrong shape.
                if (document.Root.ValueKind == JsonValueKind.Object && (found is null || found.Value.ValueKind == JsonValueKind.Null))
                    return [];
                var held = found is null ? $"nothing in a JSON {document.Root.ValueKind.ToString().ToLowerInvariant()}" : $"a JSON {found.Value.ValueKind.ToString().ToLowerInvariant()}";
                return [Failure(position, payload, $"the records path {recordsPath} holds {held}, not an array.")];
            }
            records = array;
        }
        else if (document.Root.ValueKind == JsonValueKind.Object)
        {
            if (JsonSourceDocument.MayHoldUnreadableStrings(payload.Span) && JsonSourceDocument.UnreadableString(document.Root) is { } unreadable)
                return [Failure(position, payload, $"record 1 has {unreadable}.")];
            return [SourceReadResult.Parsed(new SourceRecord { Position = position, Raw = payload, Document = document })];
        }
        else if (document.Root.ValueKind == JsonValueKind.Array)
        {
            records = document.Root;
        }
        else
        {
            return [Failure(position, payload, $"the payload is a JSON {document.Root.ValueKind.ToString().ToLowerInvariant()}; expected an object or an array of records.")];
        }

        var escapes = JsonSourceDocument.MayHoldUnreadableStrings(payload.Span);
        return records.EnumerateArray().Select((element, index) => Element(element, new SourcePosition(location, index + 1), escapes)).ToList();
    }

    private static SourceReadResult Element(JsonElement element, SourcePosition position, bool escapes)
    {
        // Checked first: such a record cannot be written back as JSON either (the serializer throws on it).
        if (escapes && JsonSourceDocument.UnreadableString(element) is { } unreadable)
            return Failure(position, System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element).ToArray(), $"record {position.Line} has {unreadable}.");
        var raw = JsonSerializer.SerializeToUtf8Bytes(element);
        if (element.ValueKind != JsonValueKind.Object)
            return Failure(position, raw, $"record {position.Line} is a JSON {element.ValueKind.ToString().ToLowerInvariant()}, not an object.");
        return SourceReadResult.Parsed(new SourceRecord { Position = position, Raw = raw, Document = new JsonSourceDocument(element) });
    }

    private static SourceReadResult Failure(SourcePosition position, ReadOnlyMemory<byte> raw, string message) =>
        SourceReadResult.Unparseable(new SourceParseFailure(position, raw, message));
}
