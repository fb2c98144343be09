using System.Globalization;
using Avro;
using StreamFinance.Contracts;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Mapping.Binding;

/// <summary>
/// Converts text to the CLR value the generated Avro classes hold for one Avro type: strings as is, numbers and
/// booleans in invariant form, enums by symbol (ignoring case), <c>date</c> as UTC midnight, <c>timestamp-millis</c>
/// as UTC truncated to the millisecond, <c>decimal</c> at exactly the schema's scale (more digits are SCHEMA_INVALID,
/// never rounded).
/// </summary>
internal sealed class AvroScalar
{
    private AvroScalar(ScalarKind kind, Schema schema, Type? enumType, int scale) => (Kind, Schema, EnumType, Scale) = (kind, schema, enumType, scale);

    public ScalarKind Kind { get; }

    public Schema Schema { get; }

    public Type? EnumType { get; }

    public int Scale { get; }

    public static AvroScalar String { get; } = new(ScalarKind.String, PrimitiveSchema.Create(Avro.Schema.Type.String), null, 0);

    public static AvroScalar Timestamp { get; } = new(ScalarKind.TimestampMillis, PrimitiveSchema.Create(Avro.Schema.Type.Long), null, 0);

    /// <summary>The scalar for <paramref name="schema"/>, or null when it is not a scalar (record, array, map, union).</summary>
    public static AvroScalar? For(Schema schema)
    {
        switch (schema)
        {
            case LogicalSchema logical:
                return logical.LogicalTypeName switch
                {
                    "uuid" => new(ScalarKind.Uuid, schema, null, 0),
                    "date" => new(ScalarKind.Date, schema, null, 0),
                    "timestamp-millis" => new(ScalarKind.TimestampMillis, schema, null, 0),
                    "decimal" => new(ScalarKind.Decimal, schema, null, int.Parse(logical.GetProperty("scale") ?? "0", CultureInfo.InvariantCulture)),
                    _ => null,
                };
            case EnumSchema enumSchema:
                return new(ScalarKind.Enum, schema, ContractTypes.Get(enumSchema.Fullname), 0);
            case PrimitiveSchema primitive:
                return primitive.Tag switch
                {
                    Avro.Schema.Type.String => new(ScalarKind.String, schema, null, 0),
                    Avro.Schema.Type.Int => new(ScalarKind.Int, schema, null, 0),
                    Avro.Schema.Type.Long => new(ScalarKind.Long, schema, null, 0),
                    Avro.Schema.Type.Boolean => new(ScalarKind.Boolean, schema, null, 0),
                    _ => null,
                };
            default:
                return null;
        }
    }

    public string Describe() => Kind switch
    {
        ScalarKind.Enum => $"enum {Schema.Name} ({string.Join(", ", ((EnumSchema)Schema).Symbols)})",
        ScalarKind.Decimal => $"decimal with scale {Scale}",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Converts <paramref name="text"/>; throws <see cref="MappingValueException"/> naming field, path and value.</summary>
    public object Convert(string text, string field, string sourcePath)
    {
        Exception Fail(ReasonCode reason, string problem) => new MappingValueException(reason, field, $"{field}: '{text}' at {sourcePath} {problem}");
        var invariant = CultureInfo.InvariantCulture;
        switch (Kind)
        {
            case ScalarKind.String:
                return text;
            case ScalarKind.Uuid:
                return Guid.TryParse(text, out var guid) ? guid : throw Fail(ReasonCode.MappingFailed, "is not a UUID");
            case ScalarKind.Int:
                return int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, invariant, out var i) ? i : throw Fail(ReasonCode.MappingFailed, "is not a whole number in the int range");
            case ScalarKind.Long:
                return long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, invariant, out var l) ? l : throw Fail(ReasonCode.MappingFailed, "is not a whole number in the long range");
            case ScalarKind.Boolean:
                return text.Trim().ToUpperInvariant() switch
                {
                    "TRUE" or "YES" or "Y" or "1" or "X" or "T" => true,
                    "FALSE" or "NO" or "N" or "0" or "F" => false,
                    _ => throw Fail(ReasonCode.MappingFailed, "is not a boolean (true/false, yes/no, 1/0, X)"),
                };
            case ScalarKind.Enum:
                var symbol = ((EnumSchema)Schema).Symbols.FirstOrDefault(s => string.Equals(s, text.Trim(), StringComparison.OrdinalIgnoreCase))
                    ?? throw Fail(ReasonCode.SchemaInvalid, $"is not a symbol of {Describe()}; add a map transform");
                return Enum.Parse(EnumType!, symbol);
            case ScalarKind.Date:
                return ParseInstant(text, out var date)
                    ? DateTime.SpecifyKind(date.Date, DateTimeKind.Utc)
                    : throw Fail(ReasonCode.MappingFailed, "is not an ISO 8601 date (use a date transform with the source's format)");
            case ScalarKind.TimestampMillis:
                if (!ParseInstant(text, out var instant))
                    throw Fail(ReasonCode.MappingFailed, "is not an ISO 8601 date-time (use a date transform with the source's format)");
                var utc = instant.UtcDateTime;
                return new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
            case ScalarKind.Decimal:
                if (!decimal.TryParse(text.Trim(), NumberStyles.Float, invariant, out var number))
                    throw Fail(ReasonCode.MappingFailed, "is not a decimal in invariant form (use a decimal transform with the source's culture)");
                try
                {
                    return AvroDecimals.ToAvro(number, Scale);
                }
                catch (ArgumentException)
                {
                    throw Fail(ReasonCode.SchemaInvalid, $"has more than {Scale} decimal places, the schema's scale; it is not rounded");
                }
            default:
                throw new InvalidOperationException($"Unhandled scalar kind {Kind}.");
        }
    }

    private static bool ParseInstant(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);
}
