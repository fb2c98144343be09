using System.Globalization;
using System.Text.Json;
using Avro;
using Avro.Specific;

namespace StreamFinance.Contracts;

/// <summary>
/// Renders a generated Avro record as plain JSON for people and tools: decimals as exact strings ("1042.5000"),
/// dates as ISO dates, timestamps as ISO instants in UTC, enums by name, optional fields as their value or null
/// (not Avro's {"type": value} union wrapping), bytes as base64. Used by the inspection commands and the HTTP API.
/// </summary>
public static class AvroJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = false };

    /// <summary>The record as a JSON string.</summary>
    public static string ToJson(ISpecificRecord record, bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options with { Indented = indented }))
            Write(writer, record);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the record to <paramref name="writer"/>.</summary>
    public static void Write(Utf8JsonWriter writer, ISpecificRecord record) => WriteValue(writer, record.Schema, record);

    private static void WriteValue(Utf8JsonWriter writer, Schema schema, object? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        switch (schema)
        {
            case UnionSchema union:
                WriteValue(writer, union.Schemas.First(s => s.Tag != Schema.Type.Null && Matches(s, value)), value);
                return;
            case RecordSchema record:
                var specific = (ISpecificRecord)value;
                writer.WriteStartObject();
                foreach (var field in record.Fields)
                {
                    writer.WritePropertyName(field.Name);
                    WriteValue(writer, field.Schema, specific.Get(field.Pos));
                }
                writer.WriteEndObject();
                return;
            case ArraySchema array:
                writer.WriteStartArray();
                foreach (var item in (System.Collections.IEnumerable)value)
                    WriteValue(writer, array.ItemSchema, item);
                writer.WriteEndArray();
                return;
            case MapSchema map:
                writer.WriteStartObject();
                foreach (System.Collections.DictionaryEntry entry in (System.Collections.IDictionary)value)
                {
                    writer.WritePropertyName((string)entry.Key);
                    WriteValue(writer, map.ValueSchema, entry.Value);
                }
                writer.WriteEndObject();
                return;
        }
        switch (value)
        {
            case AvroDecimal d: writer.WriteStringValue(AvroDecimals.ToDecimal(d).ToString(CultureInfo.InvariantCulture)); break;
            case DateTime t when schema is LogicalSchema { LogicalTypeName: "date" }: writer.WriteStringValue(t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case DateTime t: writer.WriteStringValue(t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)); break;
            case Guid g: writer.WriteStringValue(g.ToString()); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case byte[] bytes: writer.WriteBase64StringValue(bytes); break;
            case Enum e: writer.WriteStringValue(e.ToString()); break;
            default: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    private static bool Matches(Schema schema, object value) => schema switch
    {
        RecordSchema r => value is ISpecificRecord sr && sr.Schema.Fullname == r.Fullname,
        EnumSchema => value is Enum,
        ArraySchema => value is System.Collections.IList,
        MapSchema => value is System.Collections.IDictionary,
        LogicalSchema { LogicalTypeName: "decimal" } => value is AvroDecimal,
        LogicalSchema { LogicalTypeName: "uuid" } => value is Guid,
        LogicalSchema => value is DateTime,
        PrimitiveSchema p => p.Tag switch
        {
            Schema.Type.String => value is string,
            Schema.Type.Boolean => value is bool,
            Schema.Type.Int => value is int,
            Schema.Type.Long => value is long,
            Schema.Type.Bytes => value is byte[],
            _ => false,
        },
        _ => false,
    };
}
