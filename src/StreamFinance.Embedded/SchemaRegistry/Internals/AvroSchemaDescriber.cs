using Avro;
using AvroSchema = Avro.Schema;

namespace StreamFinance.Embedded.SchemaRegistry.Internals;

/// <summary>Short human-readable descriptions of Avro schemas for compatibility messages.</summary>
internal static class AvroSchemaDescriber
{
    public static string Describe(AvroSchema schema) => schema switch
    {
        LogicalSchema logical when AvroDecimal.IsDecimal(logical) =>
            $"decimal({AvroDecimal.Precision(logical)},{AvroDecimal.Scale(logical)}) on {Describe(logical.BaseSchema)}",
        LogicalSchema logical => $"{logical.LogicalTypeName} on {Describe(logical.BaseSchema)}",
        UnionSchema union => "[" + string.Join(", ", union.Schemas.Select(Describe)) + "]",
        ArraySchema array => $"array<{Describe(array.ItemSchema)}>",
        MapSchema map => $"map<{Describe(map.ValueSchema)}>",
        RecordSchema record => $"record {record.Fullname}",
        EnumSchema enumSchema => $"enum {enumSchema.Fullname}",
        FixedSchema fixedSchema => $"fixed {fixedSchema.Fullname}[{fixedSchema.Size}]",
        _ => AvroSchema.GetTypeString(schema.Tag),
    };
}
