using AvroSchema = Avro.Schema;

namespace StreamFinance.Embedded.SchemaRegistry.Internals;

/// <summary>
/// A schema registered under a global id; the same schema in any subject shares it.
/// <paramref name="Canonical"/> is Apache.Avro's printed form, used to decide whether two schemas are the same.
/// </summary>
internal sealed record StoredSchema(int Id, string Guid, string Text, string Canonical, AvroSchema Parsed);
