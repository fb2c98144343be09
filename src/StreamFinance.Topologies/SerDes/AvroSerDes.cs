using Avro.Specific;
using Confluent.Kafka;
using Confluent.Kafka.SyncOverAsync;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using Streamiz.Kafka.Net.SerDes;

namespace StreamFinance.Topologies.SerDes;

/// <summary>
/// Streamiz SerDes for a generated Avro record, over Confluent's <see cref="AvroSerializer{T}"/> and
/// <see cref="AvroDeserializer{T}"/>: Confluent wire format (magic byte, schema id, Avro binary), subject
/// <c>&lt;topic&gt;-value</c> (or <c>-key</c>). Works the same against the embedded registry and a real one.
/// A null value (a tombstone) stays null in both directions.
/// </summary>
/// <remarks>The async Confluent serdes are called synchronously, which is safe on Streamiz stream threads.</remarks>
public sealed class AvroSerDes<T> : AbstractSerDes<T> where T : class, ISpecificRecord
{
    private readonly ISerializer<T> serializer;
    private readonly IDeserializer<T> deserializer;

    /// <summary>Creates the SerDes over a shared registry client.</summary>
    public AvroSerDes(ISchemaRegistryClient registry, AvroSerializerConfig serializerConfig)
    {
        serializer = new AvroSerializer<T>(registry, serializerConfig).AsSyncOverAsync();
        deserializer = new AvroDeserializer<T>(registry).AsSyncOverAsync();
    }

    /// <inheritdoc />
    public override byte[] Serialize(T data, SerializationContext context) =>
        data is null ? null! : serializer.Serialize(data, context);

    /// <inheritdoc />
    public override T Deserialize(byte[] data, SerializationContext context) =>
        data is null ? null! : deserializer.Deserialize(data, isNull: false, context);
}
