using System.Text;
using System.Text.Json;
using StreamFinance.Connectors.Sources;

namespace StreamFinance.Connectors.Tests.Support;

/// <summary>A JSON format double: the records are the elements of the top-level <c>data</c> array; paths are <c>$.field</c>.</summary>
public sealed class JsonDataFormat : ISourceFormat
{
    public string Name => "json";

    public IEnumerable<SourceReadResult> Read(ReadOnlyMemory<byte> payload, string location, IReadOnlyDictionary<string, string> options)
    {
        using var document = JsonDocument.Parse(payload);
        var line = 0;
        foreach (var element in document.RootElement.GetProperty("data").EnumerateArray())
        {
            line++;
            var raw = Encoding.UTF8.GetBytes(element.GetRawText());
            var fields = element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText());
            yield return SourceReadResult.Parsed(new SourceRecord { Position = new SourcePosition(location, line), Raw = raw, Document = new FieldsDocument(fields) });
        }
    }

    private sealed class FieldsDocument(Dictionary<string, string?> fields) : ISourceDocument
    {
        public string? Value(string path) => fields.GetValueOrDefault(path.TrimStart('$', '.'));

        public IReadOnlyList<ISourceDocument> Items(string path) => [];
    }
}
