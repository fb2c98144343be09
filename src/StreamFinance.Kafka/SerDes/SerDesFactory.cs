using Avro.Specific;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using StreamFinance.Kafka.Configuration;
using Streamiz.Kafka.Net.SerDes;

namespace StreamFinance.Kafka.SerDes;

/// <summary>
/// The one place that turns settings into SerDes. Every topology, connector and tool asks it for its SerDes,
/// so that all of them share one registry client (one schema cache) and the same subject naming.
/// </summary>
public sealed class SerDesFactory
{
    private readonly AvroSerializerConfig serializerConfig;

    /// <summary>Creates the factory over a registry client: a <see cref="CachedSchemaRegistryClient"/> in production, an in-memory one in unit tests.</summary>
    public SerDesFactory(ISchemaRegistryClient registry, bool autoRegisterSchemas = true)
    {
        Registry = registry;
        serializerConfig = SerializerConfig(autoRegisterSchemas);
    }

    /// <summary>The serializer settings every StreamFinance Avro SerDes uses.</summary>
    public static AvroSerializerConfig SerializerConfig(bool autoRegisterSchemas) => new()
    {
        // Kafka's convention, <topic>-value: data teams find a topic's schema without knowing record names.
        SubjectNameStrategy = SubjectNameStrategy.Topic,
        AutoRegisterSchemas = autoRegisterSchemas,
        // With auto-registration off, write with the latest registered version rather than failing on a lookup.
        UseLatestVersion = !autoRegisterSchemas,
    };

    /// <summary>Creates the factory from settings, with a <see cref="CachedSchemaRegistryClient"/>.</summary>
    public static SerDesFactory FromOptions(SchemaRegistryOptions options) =>
        new(SchemaRegistryClients.For(options.Url, options.BasicAuthUserInfo, options.RequestTimeoutMs), options.AutoRegisterSchemas);

    /// <summary>The shared registry client.</summary>
    public ISchemaRegistryClient Registry { get; }

    /// <summary>Avro SerDes of a generated record type.</summary>
    public AvroSerDes<T> Avro<T>() where T : class, ISpecificRecord => new(Registry, serializerConfig);

    /// <summary>
    /// Avro SerDes of a generated record for a store answered by interactive queries: same bytes as <see cref="Avro{T}"/>,
    /// synchronous reads (<see cref="QueryableAvroSerDes{T}"/>).
    /// </summary>
    public QueryableAvroSerDes<T> QueryableAvro<T>() where T : class, ISpecificRecord, new() => new(Registry, serializerConfig);

    /// <summary>SerDes of the business keys: every StreamFinance key is a UTF-8 string.</summary>
    public static ISerDes<string> Key() => new StringSerDes();
}
