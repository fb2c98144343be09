using Avro;
using Avro.Generic;

namespace StreamFinance.Embedded.Tests.SchemaRegistry;

/// <summary>Builds <see cref="GenericRecord"/> payments for the schemas in <see cref="TestSchemas"/>.</summary>
internal static class PaymentRecords
{
    public static GenericRecord Create(string schemaJson, string id, long amount, string status = "OPEN", string? note = null)
    {
        var schema = (RecordSchema)Schema.Parse(schemaJson);
        var record = new GenericRecord(schema);
        record.Add("id", id);
        record.Add("amount", amount);
        var statusSchema = (EnumSchema)schema["status"].Schema;
        record.Add("status", new GenericEnum(statusSchema, status));
        record.Add("note", note);
        if (schema.Contains("currency"))
        {
            record.Add("currency", "USD");
        }

        return record;
    }
}
