using Avro.Specific;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using Streamiz.Kafka.Net.SerDes;

namespace StreamFinance.Kafka.SerDes;

/// <summary>
/// Avro SerDes for a store that is read by interactive queries (a request thread asks, not a stream thread): reads and
/// writes like <see cref="AvroSerDes{T}"/>, and keeps decoded values in a bounded <see cref="DecodedValueCache{T}"/>, so
/// that repeated reads of the same stored value skip decoding. A null value stays null. Values read are shared between readers:
/// treat them as read-only.
/// </summary>
/// <typeparam name="T">The generated record type.</typeparam>
public sealed class QueryableAvroSerDes<T> : AbstractSerDes<T> where T : class, ISpecificRecord, new()
{
    private readonly AvroSerDes<T> inner;
    private readonly DecodedValueCache<T> decoded;

    /// <summary>Creates the SerDes over a shared registry client; <paramref name="cache"/> defaults to a <see cref="DecodedValueCache{T}"/> with its default bounds.</summary>
    public QueryableAvroSerDes(ISchemaRegistryClient registry, AvroSerializerConfig serializerConfig, DecodedValueCache<T>? cache = null)
    {
        inner = new AvroSerDes<T>(registry, serializerConfig);
        decoded = cache ?? new DecodedValueCache<T>();
        isInitialized = true;
    }

    /// <inheritdoc />
    public override byte[] Serialize(T data, SerializationContext context) => inner.Serialize(data, context);

    /// <inheritdoc />
    public override T Deserialize(byte[] data, SerializationContext context) => data is null ? null! : decoded.GetOrDecode(data, bytes => inner.Deserialize(bytes, context));
}
