using Avro.Specific;
using Confluent.Kafka;
using Confluent.Kafka.SyncOverAsync;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.SerDes;

namespace StreamFinance.Kafka.SerDes;

/// <summary>
/// Streamiz SerDes for a generated Avro record: writes with <see cref="AvroSpecificWriter{T}"/> (Confluent's
/// <see cref="AvroSerializer{T}"/> when auto-registration is off), reads with <see cref="AvroSpecificReader{T}"/> (the same
/// wire format, encoded and decoded synchronously): Confluent wire format (magic byte, schema id, Avro binary), subject
/// <c>&lt;topic&gt;-value</c> (or <c>-key</c>). Works the same against the embedded registry and a real one.
/// A null value (a tombstone) stays null in both directions.
/// </summary>
/// <remarks>
/// Two ways to make one: <see cref="SerDesFactory.Avro{T}"/> gives a ready instance over a shared client; the
/// parameterless constructor is for Streamiz type parameters (<c>GroupBy&lt;string, StringSerDes, AvroSerDes&lt;T&gt;&gt;</c>),
/// and such an instance takes its registry from the stream configuration when Streamiz initialises it
/// (<see cref="SchemaRegistryClients"/>). The async Confluent serdes are called synchronously, which is safe on
/// Streamiz stream threads.
/// </remarks>
public sealed class AvroSerDes<T> : AbstractSerDes<T> where T : class, ISpecificRecord
{
    private ISerializer<T>? serializer;
    private ISerializer<T>? internalSerializer;
    private AvroSpecificReader<T>? reader;

    /// <summary>Creates the SerDes over a shared registry client.</summary>
    public AvroSerDes(ISchemaRegistryClient registry, AvroSerializerConfig serializerConfig)
    {
        Bind(registry, serializerConfig);
    }

    /// <summary>For Streamiz type parameters: the registry comes from the stream configuration in <see cref="Initialize"/>.</summary>
    public AvroSerDes()
    {
    }

    /// <inheritdoc />
    public override void Initialize(SerDesContext context)
    {
        if (serializer is null && context.Config is ISchemaRegistryConfig registry)
        {
            if (string.IsNullOrEmpty(registry.SchemaRegistryUrl))
                throw new InvalidOperationException($"AvroSerDes<{typeof(T).Name}> needs schema.registry.url in the stream configuration.");
            var client = SchemaRegistryClients.For(registry.SchemaRegistryUrl, registry.BasicAuthUserInfo, registry.SchemaRegistryRequestTimeoutMs);
            Bind(client, SerDesFactory.SerializerConfig(registry.AutoRegisterSchemas ?? true));
        }
        base.Initialize(context);
    }

    /// <inheritdoc />
    public override byte[] Serialize(T data, SerializationContext context) =>
        data is null ? null! : ((IsInternal(context.Topic) ? internalSerializer : serializer) ?? throw NotBound()).Serialize(data, context);

    /// <inheritdoc />
    public override T Deserialize(byte[] data, SerializationContext context) =>
        data is null ? null! : (reader ?? throw NotBound()).Read(data);

    private void Bind(ISchemaRegistryClient registry, AvroSerializerConfig serializerConfig)
    {
        // With auto-registration (the default, and always for internal topics) records are written synchronously by
        // AvroSpecificWriter, byte for byte what Confluent's serializer writes. Without it, Confluent's serializer writes
        // with the latest registered version (UseLatestVersion), which needs its schema resolution.
        var registering = new WriterSerializer(new AvroSpecificWriter<T>(registry));
        serializer = serializerConfig.AutoRegisterSchemas == false
            ? new AvroSerializer<T>(registry, serializerConfig).AsSyncOverAsync()
            : registering;
        // Changelog and repartition topics belong to the application, and their subjects exist nowhere else: they are
        // always registered on first write, also when production registers the public schemas ahead (auto-registration off).
        internalSerializer = registering;
        // Reads decode synchronously on the calling thread: Confluent's deserializer, called synchronously, waits on
        // thread-pool hops for every record (see AvroSpecificReader).
        reader = new AvroSpecificReader<T>(registry);
        isInitialized = true;
    }

    /// <summary>Whether <paramref name="topic"/> is a Streamiz internal topic (<c>&lt;application id&gt;-&lt;name&gt;-changelog|repartition</c>).</summary>
    public static bool IsInternal(string? topic) =>
        topic is not null && (topic.EndsWith("-changelog", StringComparison.Ordinal) || topic.EndsWith("-repartition", StringComparison.Ordinal));

    private static InvalidOperationException NotBound() =>
        new($"AvroSerDes<{typeof(T).Name}> has no schema registry: create it with SerDesFactory.Avro<T>() or let Streamiz initialise it with schema.registry.url set.");

    private sealed class WriterSerializer(AvroSpecificWriter<T> writer) : ISerializer<T>
    {
        public byte[] Serialize(T data, SerializationContext context) => writer.Write(data, context);
    }
}
