using Avro;
using Microsoft.OpenApi;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// The OpenAPI schema of a generated Avro record as <see cref="StreamFinance.Contracts.AvroJsonWriter"/> renders it (the
/// look-ups' <c>record</c>): every field present, optional fields as their value or null, decimals as exact strings
/// (<c>format: decimal</c>), dates as <c>format: date</c>, timestamps as <c>format: date-time</c>, uuids as
/// <c>format: uuid</c>, enums by symbol, bytes as base64. Each named record becomes a component under its simple name,
/// with the <c>.avsc</c> docs as descriptions, so the schemas stay what <c>avro/</c> says.
/// </summary>
internal static class AvroOpenApiSchemas
{
    /// <summary>Extension on each record component naming its Avro type, e.g. <c>streamfinance.masterdata.CostCenter</c>.</summary>
    public const string AvroTypeExtension = "x-avro-type";

    /// <summary>A reference to the component of <paramref name="record"/>, added to <paramref name="document"/> with the records it holds.</summary>
    /// <exception cref="NotSupportedException">Two records share a simple name, or a field has a type the JSON writer does not render faithfully.</exception>
    public static IOpenApiSchema Reference(OpenApiDocument document, RecordSchema record)
    {
        document.Components ??= new OpenApiComponents();
        var schemas = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (schemas.TryGetValue(record.Name, out var existing))
        {
            var other = existing is OpenApiSchema { Extensions: { } extensions } && extensions.TryGetValue(AvroTypeExtension, out var extension) && extension is JsonNodeExtension { Node: var node } ? node.ToString() : "a non-Avro type";
            if (other != record.Fullname)
                throw new NotSupportedException($"Avro record {record.Fullname} and {other} would share the OpenAPI component '{record.Name}'.");
        }
        else
        {
            // Added before its fields are described, so that a record that holds itself refers to the component.
            var component = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = record.Documentation,
                Extensions = new Dictionary<string, IOpenApiExtension> { [AvroTypeExtension] = new JsonNodeExtension(record.Fullname) },
            };
            schemas[record.Name] = component;
            component.Properties = record.Fields.ToDictionary(f => f.Name, f => Described(Of(document, f.Schema), f.Documentation));
            component.Required = record.Fields.Select(f => f.Name).ToHashSet();
        }
        return new OpenApiSchemaReference(record.Name, document);
    }

    private static IOpenApiSchema Of(OpenApiDocument document, Schema schema) => schema switch
    {
        UnionSchema union => Union(document, union),
        RecordSchema record => Reference(document, record),
        EnumSchema e => new OpenApiSchema { Type = JsonSchemaType.String, Enum = e.Symbols.Select(s => (System.Text.Json.Nodes.JsonNode)s).ToList(), Description = e.Documentation },
        ArraySchema array => new OpenApiSchema { Type = JsonSchemaType.Array, Items = Of(document, array.ItemSchema) },
        MapSchema map => new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = Of(document, map.ValueSchema) },
        LogicalSchema { LogicalTypeName: "decimal" } => ApiSchemaTransformer.DecimalString(),
        LogicalSchema { LogicalTypeName: "date" } => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
        LogicalSchema { LogicalTypeName: "timestamp-millis" or "timestamp-micros" } => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
        LogicalSchema { LogicalTypeName: "uuid" } => new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
        PrimitiveSchema { Tag: Schema.Type.String } => new OpenApiSchema { Type = JsonSchemaType.String },
        PrimitiveSchema { Tag: Schema.Type.Boolean } => new OpenApiSchema { Type = JsonSchemaType.Boolean },
        PrimitiveSchema { Tag: Schema.Type.Int } => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
        PrimitiveSchema { Tag: Schema.Type.Long } => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
        PrimitiveSchema { Tag: Schema.Type.Bytes } => new OpenApiSchema { Type = JsonSchemaType.String, ContentEncoding = "base64" },
        _ => throw new NotSupportedException($"Avro type {schema.Fullname} has no faithful JSON rendering in AvroJsonWriter; describe it before a look-up answers it."),
    };

    /// <summary>Only <c>["null", T]</c>: the writer renders the value or null; wider unions are not told apart in JSON.</summary>
    private static IOpenApiSchema Union(OpenApiDocument document, UnionSchema union)
    {
        var values = union.Schemas.Where(s => s.Tag != Schema.Type.Null).ToList();
        if (values.Count != 1)
            throw new NotSupportedException($"Avro union {union} has {values.Count} non-null branches; the JSON writer does not say which one a value is.");
        var value = Of(document, values[0]);
        return values.Count == union.Count ? value : new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, value] };
    }

    private static IOpenApiSchema Described(IOpenApiSchema schema, string? documentation)
    {
        // A reference keeps the component's own description; an inline schema takes the field's doc.
        if (schema is OpenApiSchema inline && !string.IsNullOrEmpty(documentation))
            inline.Description = inline.Description is null ? documentation : $"{documentation} {inline.Description}";
        return schema;
    }
}
