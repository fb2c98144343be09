using System.Globalization;
using System.Text.Json;
using Avro;
using Avro.Specific;
using CsvHelper;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Catalog;

namespace StreamFinance.Host.Inspection;

/// <summary>
/// Prints decoded records of one topic in a <see cref="RecordFormat"/>. JSON forms carry topic, partition, offset,
/// timestamp (UTC), key, headers and the value as plain JSON (<see cref="AvroJsonWriter"/>: exact decimal strings, ISO
/// dates); a value that did not decode has <c>value: null</c>, an <c>error</c> and its bytes as <c>rawValue</c> (base64).
/// CSV has one column per value field, nested records flattened as <c>parent.child</c>, arrays and maps as JSON text.
/// </summary>
public sealed class RecordPrinter : IDisposable
{
    private static readonly JsonWriterOptions Compact = new() { Indented = false };
    private readonly TextWriter output;
    private readonly RecordFormat format;
    private readonly IReadOnlyList<string[]> columns;
    private readonly CsvWriter? csv;

    /// <summary>A printer of <paramref name="topic"/>'s records to <paramref name="output"/>; CSV writes its header at once.</summary>
    public RecordPrinter(TextWriter output, TopicSpec topic, RecordFormat format)
    {
        ArgumentNullException.ThrowIfNull(topic);
        this.output = output ?? throw new ArgumentNullException(nameof(output));
        this.format = format;
        columns = format == RecordFormat.Csv ? Columns(((ISpecificRecord)Activator.CreateInstance(topic.ValueType)!).Schema, []).ToList() : [];
        if (format != RecordFormat.Csv)
            return;
        csv = CsvWriter.Create(output, new CsvWriterOptions(), true);
        csv.WriteRecord(new[] { "partition", "offset", "timestamp", "key" }.Concat(columns.Select(c => string.Join('.', c))).Append("error").ToArray());
    }

    /// <summary>Prints one record.</summary>
    public void Write(DecodedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (csv is not null)
        {
            WriteRow(csv, record);
            return;
        }
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Compact with { Indented = format == RecordFormat.Json }))
            WriteJson(json, record);
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        csv?.Flush();
        csv?.Dispose();
        output.Flush();
    }

    private static void WriteJson(Utf8JsonWriter json, DecodedRecord record)
    {
        json.WriteStartObject();
        json.WriteString("topic", record.Topic);
        json.WriteNumber("partition", record.Partition);
        json.WriteNumber("offset", record.Offset);
        json.WriteString("timestamp", AvroTimestamps.Iso(record.Timestamp.UtcDateTime));
        json.WriteString("key", record.Key);
        json.WriteStartObject("headers");
        foreach (var (name, value) in record.Headers)
            json.WriteString(name, value);
        json.WriteEndObject();
        json.WritePropertyName("value");
        if (record.Value is null)
            json.WriteNullValue();
        else
            AvroJsonWriter.Write(json, record.Value);
        if (record.Error is not null)
        {
            json.WriteString("error", record.Error);
            json.WriteString("rawValue", record.RawValue is null ? null : Convert.ToBase64String(record.RawValue));
        }
        json.WriteEndObject();
    }

    private void WriteRow(CsvWriter writer, DecodedRecord record)
    {
        using var value = record.Value is null ? null : JsonDocument.Parse(AvroJsonWriter.ToJson(record.Value));
        writer.WriteRecord(new[]
            {
                record.Partition.ToString(CultureInfo.InvariantCulture),
                record.Offset.ToString(CultureInfo.InvariantCulture),
                AvroTimestamps.Iso(record.Timestamp.UtcDateTime),
                record.Key ?? "",
            }
            .Concat(columns.Select(path => value is null ? "" : Cell(value.RootElement, path)))
            .Append(record.Error ?? "")
            .ToArray());
    }

    private static string Cell(JsonElement element, string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                return "";
        }
        return element.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => "",
            JsonValueKind.String => element.GetString()!,
            _ => element.GetRawText(),
        };
    }

    // Leaf columns of a record schema, depth first, in field order; a record (or optional record) field is opened up.
    private static IEnumerable<string[]> Columns(Schema schema, string[] prefix)
    {
        foreach (var field in ((RecordSchema)schema).Fields)
        {
            var path = prefix.Append(field.Name).ToArray();
            var nested = field.Schema switch
            {
                RecordSchema record => record,
                UnionSchema union when union.Schemas.Count == 2 && union.Schemas.Any(s => s.Tag == Schema.Type.Null) => union.Schemas.FirstOrDefault(s => s is RecordSchema),
                _ => null,
            };
            if (nested is null)
                yield return path;
            else
                foreach (var inner in Columns(nested, path))
                    yield return inner;
        }
    }
}
