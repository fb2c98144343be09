using StreamFinance.Kafka.SerDes;
using Confluent.SchemaRegistry;
using StreamFinance.Contracts.Catalog;

namespace StreamFinance.Host.Provisioning;

/// <summary>
/// Registers each catalog topic's value schema under <c>&lt;topic&gt;-value</c>, so that data teams and producers with
/// auto-registration off find it, and so that an incompatible change is refused here, before anything runs.
/// </summary>
public static class SchemaRegistration
{
    /// <summary>Registers every schema; returns false when any registration was refused.</summary>
    public static async Task<bool> RegisterAllAsync(ISchemaRegistryClient registry, IEnumerable<TopicSpec> topics, TextWriter output, CancellationToken ct)
    {
        var ok = true;
        var registered = 0;
        foreach (var topic in topics)
        {
            ct.ThrowIfCancellationRequested();
            var schema = AvroSchemaOf(topic.ValueType);
            try
            {
                await registry.RegisterSchemaAsync(topic.ValueSubject, new Schema(schema, SchemaType.Avro), normalize: false);
                registered++;
            }
            catch (SchemaRegistryException e)
            {
                ok = false;
                output.WriteLine($"  refused   {topic.ValueSubject}  {e.Message}");
            }
        }
        output.WriteLine($"Schemas: {registered} subjects registered or already current{(ok ? "" : ", some refused (see above)")}.");
        return ok;
    }

    /// <summary>The Avro schema text of a generated record type (its static <c>_SCHEMA</c> field).</summary>
    public static string AvroSchemaOf(Type recordType) => GeneratedSchema.Of(recordType).ToString();
}
