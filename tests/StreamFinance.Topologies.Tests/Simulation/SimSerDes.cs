using Avro.Specific;
using Confluent.Kafka;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net.SerDes;

namespace StreamFinance.Topologies.Tests.Simulation;

/// <summary>The simulation's own Avro SerDes over the shared registry, one per record type (a new one per call would register and parse schemas each time).</summary>
internal sealed class SimSerDes(SerDesFactory factory)
{
    private readonly Dictionary<Type, object> cache = [];

    public SerDesFactory Factory => factory;

    public byte[] Serialize<T>(T value, string topic) where T : class, ISpecificRecord =>
        Of<T>().Serialize(value, new SerializationContext(MessageComponentType.Value, topic));

    public T Deserialize<T>(string topic, SimRecord record) where T : class, ISpecificRecord =>
        Of<T>().Deserialize(record.Value, new SerializationContext(MessageComponentType.Value, topic, record.Headers));

    private ISerDes<T> Of<T>() where T : class, ISpecificRecord
    {
        if (!cache.TryGetValue(typeof(T), out var serDes))
            cache[typeof(T)] = serDes = factory.Avro<T>();
        return (ISerDes<T>)serDes;
    }
}
