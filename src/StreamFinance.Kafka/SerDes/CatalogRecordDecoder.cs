using Avro.Specific;
using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;

namespace StreamFinance.Kafka.SerDes;

/// <summary>Decodes the value bytes of a catalog topic into its generated Avro record, through the Schema Registry.</summary>
public sealed class CatalogRecordDecoder
{
    private readonly Func<byte[], Headers?, ISpecificRecord> decode;

    /// <summary>A decoder for <paramref name="topic"/>'s value type.</summary>
    public CatalogRecordDecoder(SerDesFactory serDes, TopicSpec topic)
    {
        ArgumentNullException.ThrowIfNull(serDes);
        ArgumentNullException.ThrowIfNull(topic);
        Topic = topic;
        decode = (Func<byte[], Headers?, ISpecificRecord>)typeof(CatalogRecordDecoder)
            .GetMethod(nameof(For), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(topic.ValueType)
            .Invoke(null, [serDes, topic.Name])!;
    }

    /// <summary>The topic decoded.</summary>
    public TopicSpec Topic { get; }

    /// <summary>The record the bytes hold.</summary>
    /// <exception cref="Exception">The bytes are not Confluent-framed Avro of a schema the registry resolves to the topic's type.</exception>
    public ISpecificRecord Decode(byte[] value, Headers? headers = null) => decode(value, headers);

    private static Func<byte[], Headers?, ISpecificRecord> For<T>(SerDesFactory serDes, string topic) where T : class, ISpecificRecord
    {
        var avro = serDes.Avro<T>();
        return (bytes, headers) => avro.Deserialize(bytes, new SerializationContext(MessageComponentType.Value, topic, headers));
    }
}
