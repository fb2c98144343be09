using Avro.Specific;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using StreamFinance.Embedded.SchemaRegistry;

namespace StreamFinance.Contracts.Tests.Support;

/// <summary>Serializes with Confluent's real Avro serializer and reads back with its deserializer.</summary>
internal static class ConfluentRoundTrip
{
    /// <summary>Round-trips a record of a type known only at run time.</summary>
    public static Task<ISpecificRecord> RunAsync(ISpecificRecord record) =>
        (Task<ISpecificRecord>)typeof(ConfluentRoundTrip)
            .GetMethod(nameof(RunTypedAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(record.GetType())
            .Invoke(null, [record])!;

    private static async Task<ISpecificRecord> RunTypedAsync<T>(T record)
        where T : class, ISpecificRecord
    {
        var registry = new InMemorySchemaRegistryClient();
        var context = new SerializationContext(MessageComponentType.Value, $"contracts.{typeof(T).Name}");
        var serializer = new AvroSerializer<T>(registry, new AvroSerializerConfig
        {
            AutoRegisterSchemas = true,
            SubjectNameStrategy = SubjectNameStrategy.Topic,
        });
        var bytes = await serializer.SerializeAsync(record, context);
        Assert.Equal(0, bytes[0]); // Confluent wire format: magic byte, then the 4-byte schema id.

        var deserializer = new AvroDeserializer<T>(registry, new AvroDeserializerConfig
        {
            SubjectNameStrategy = SubjectNameStrategy.Topic,
        });
        return await deserializer.DeserializeAsync(bytes, isNull: false, context);
    }
}
