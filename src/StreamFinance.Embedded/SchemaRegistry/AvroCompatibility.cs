using StreamFinance.Embedded.SchemaRegistry.Internals;
using AvroSchema = Avro.Schema;

namespace StreamFinance.Embedded.SchemaRegistry;

/// <summary>
/// Checks whether data written with one Avro schema can be read with another, following the
/// schema-resolution rules of the Avro specification. Stricter than Apache.Avro's
/// <c>Schema.CanRead</c>, which accepts any union for any union and ignores enum symbols.
/// </summary>
/// <remarks>
/// Rules: primitives match by type or by promotion (int to long/float/double, long to float/double,
/// float to double, string to and from bytes); records, enums and fixed match by full name or a reader alias;
/// a reader field missing from the writer needs a default, a writer-only field is skipped;
/// writer enum symbols missing from the reader need a reader enum default; every writer union branch must be
/// readable by some reader branch; fixed sizes must be equal; decimal precision and scale must be equal;
/// other logical types are compared by their underlying types.
/// </remarks>
public static class AvroCompatibility
{
    /// <summary>
    /// Lists every reason <paramref name="readerSchema"/> cannot read data written with
    /// <paramref name="writerSchema"/>. An empty list means the reader can read the writer's data.
    /// </summary>
    public static IReadOnlyList<AvroIncompatibility> CanRead(AvroSchema readerSchema, AvroSchema writerSchema)
    {
        ArgumentNullException.ThrowIfNull(readerSchema);
        ArgumentNullException.ThrowIfNull(writerSchema);
        var checker = new AvroResolutionChecker();
        checker.Check(readerSchema, writerSchema, "$");
        return checker.Problems;
    }

    /// <summary>
    /// Parses both schemas (JSON) and lists every reason the reader cannot read the writer's data.
    /// Throws <see cref="Avro.SchemaParseException"/> when either schema does not parse.
    /// </summary>
    public static IReadOnlyList<AvroIncompatibility> CanRead(string readerSchemaJson, string writerSchemaJson) =>
        CanRead(AvroSchema.Parse(readerSchemaJson), AvroSchema.Parse(writerSchemaJson));
}
