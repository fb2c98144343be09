using StreamFinance.Contracts;
using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Avro;
using Avro.IO;
using AvroEncoder = Avro.IO.Encoder;
using Avro.Specific;
using StreamFinance.Kafka.Masking;

namespace StreamFinance.Kafka.Audit;

/// <summary>
/// The payload part of an audit event: a compact JSON snapshot of a canonical record with every string masked by
/// <see cref="SensitiveMasks.MaskByChecksum"/> (card numbers to their last four digits, IBANs to fingerprints), and
/// the SHA-256 of the record's unmasked Avro binary encoding (its bytes on a topic after the 5-byte Schema Registry
/// prefix). Walks the record by its Avro schema (no reflection) into per-thread buffers reused from record to record.
/// </summary>
public static class AuditPayload
{
    /// <summary>Longest snapshot kept, in characters: 16 Ki. A longer one is cut and says so.</summary>
    public const int MaxSnapshotChars = 16 * 1024;

    // One typed writer per record type, made once: a writer typed ISpecificRecord resolves every union and enum by
    // reflection on each record and costs three times the Avro serializer.
    private static readonly ConcurrentDictionary<Type, Action<ISpecificRecord, AvroEncoder>> Writers = new();

    [ThreadStatic]
    private static Buffers? buffers;

    /// <summary>The masked JSON snapshot of <paramref name="record"/>, cut to <see cref="MaxSnapshotChars"/>.</summary>
    public static string Snapshot(ISpecificRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var b = buffers ??= new Buffers();
        b.Json.ResetWrittenCount();
        b.Writer.Reset(b.Json);
        WriteRecord(b.Writer, (RecordSchema)record.Schema, record);
        b.Writer.Flush();
        return Cut(Encoding.UTF8.GetString(b.Json.WrittenSpan));
    }

    /// <summary>The hex SHA-256 of <paramref name="record"/>'s unmasked Avro binary encoding.</summary>
    public static string Sha256(ISpecificRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var b = buffers ??= new Buffers();
        b.Avro.SetLength(0);
        var write = Writers.GetOrAdd(record.GetType(), type => (Action<ISpecificRecord, AvroEncoder>)typeof(AuditPayload)
            .GetMethod(nameof(TypedWriter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type)
            .Invoke(null, [record.Schema])!);
        write(record, b.Encoder);
        return Sha256(b.Avro.GetBuffer().AsSpan(0, (int)b.Avro.Length));
    }

    private static Action<ISpecificRecord, AvroEncoder> TypedWriter<T>(Schema schema) where T : ISpecificRecord
    {
        var writer = new SpecificDatumWriter<T>(schema);
        return (record, encoder) => writer.Write((T)record, encoder);
    }

    /// <summary>Lower-case hex SHA-256 of <paramref name="bytes"/>.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary><paramref name="text"/> masked and cut to <see cref="MaxSnapshotChars"/>.</summary>
    public static string MaskedText(string text) => Cut(SensitiveMasks.MaskByChecksum(text));

    private static string Cut(string text) =>
        text.Length <= MaxSnapshotChars ? text : string.Concat(text.AsSpan(0, MaxSnapshotChars), $"... (cut: {text.Length.ToString(CultureInfo.InvariantCulture)} characters)");

    private static void WriteRecord(Utf8JsonWriter json, RecordSchema schema, ISpecificRecord record)
    {
        json.WriteStartObject();
        foreach (var field in schema.Fields)
        {
            json.WritePropertyName(field.Name);
            WriteValue(json, field.Schema, record.Get(field.Pos));
        }
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, Schema schema, object? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
            return;
        }
        if (schema is UnionSchema union)
            schema = union.Schemas.FirstOrDefault(s => s.Tag != Schema.Type.Null) ?? union.Schemas[0];
        switch (value)
        {
            case string text:
                json.WriteStringValue(SensitiveMasks.MaskByChecksum(text));
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int number when schema is LogicalSchema { LogicalTypeName: "date" }:
                json.WriteStringValue(DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case long number:
                json.WriteNumberValue(number);
                break;
            case DateTime time when schema is LogicalSchema { LogicalTypeName: "date" }:
                json.WriteStringValue(time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case DateTime time:
                json.WriteStringValue(AvroTimestamps.Iso(time));
                break;
            case AvroDecimal amount:
                json.WriteStringValue(amount.ToString());
                break;
            case Guid id:
                json.WriteStringValue(id.ToString());
                break;
            case Enum symbol:
                json.WriteStringValue(symbol.ToString());
                break;
            case byte[] bytes:
                json.WriteStringValue($"({bytes.Length.ToString(CultureInfo.InvariantCulture)} bytes)");
                break;
            case ISpecificRecord nested:
                WriteRecord(json, (RecordSchema)nested.Schema, nested);
                break;
            case IDictionary map:
                json.WriteStartObject();
                var values = (schema as MapSchema)?.ValueSchema ?? schema;
                foreach (DictionaryEntry entry in map)
                {
                    json.WritePropertyName(SensitiveMasks.MaskByChecksum((string)entry.Key));
                    WriteValue(json, values, entry.Value);
                }
                json.WriteEndObject();
                break;
            case IEnumerable items:
                json.WriteStartArray();
                var itemSchema = (schema as ArraySchema)?.ItemSchema ?? schema;
                foreach (var item in items)
                    WriteValue(json, itemSchema, item);
                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(SensitiveMasks.MaskByChecksum(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
                break;
        }
    }

    /// <summary>One thread's buffers, reused from record to record.</summary>
    private sealed class Buffers
    {
        public Buffers()
        {
            Writer = new Utf8JsonWriter(Json, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
            Encoder = new BinaryEncoder(Avro);
        }

        public ArrayBufferWriter<byte> Json { get; } = new(1024);

        public Utf8JsonWriter Writer { get; }

        public MemoryStream Avro { get; } = new(1024);

        public BinaryEncoder Encoder { get; }
    }
}
