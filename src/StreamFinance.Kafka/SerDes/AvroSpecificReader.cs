using System.Buffers.Binary;
using System.Collections.Concurrent;
using Avro.IO;
using Avro.Specific;
using Confluent.SchemaRegistry;

namespace StreamFinance.Kafka.SerDes;

/// <summary>
/// Decodes Confluent's Avro wire format (magic byte 0, 4-byte big-endian schema id, Avro binary) into a generated
/// record, synchronously on the calling thread. The writer schema of each id is fetched from the registry once and its
/// resolving reader kept, so a decode is the Avro read alone. Thread-safe.
/// </summary>
/// <remarks>
/// Confluent's <c>AvroDeserializer</c> is asynchronous inside (subject look-up, rule execution, continuations); called
/// synchronously, as Streamiz SerDes are, every decode waits for thread-pool hops, about 0.1 ms each even when idle,
/// and far more under load. That is acceptable on a stream thread but not for interactive queries answered within
/// milliseconds, and it makes every stream thread wait too; <see cref="AvroSerDes{T}"/> therefore reads with this
/// class everywhere. This reader does not run Confluent data-contract rules (migrations, field encryption); StreamFinance
/// schemas define none.
/// </remarks>
/// <typeparam name="T">The generated record type.</typeparam>
public sealed class AvroSpecificReader<T> where T : class, ISpecificRecord
{
    private const int HeaderLength = 5;
    private static readonly Avro.Schema ReaderSchema = GeneratedSchema<T>.Schema;
    private readonly ISchemaRegistryClient registry;
    private readonly ConcurrentDictionary<int, SpecificDatumReader<T>> readers = new();

    /// <summary>Creates a reader resolving writer schemas through <paramref name="registry"/>.</summary>
    public AvroSpecificReader(ISchemaRegistryClient registry) => this.registry = registry;

    /// <summary>Decodes one value.</summary>
    /// <exception cref="InvalidDataException">The bytes are not Confluent Avro, or their schema cannot be read as <typeparamref name="T"/>.</exception>
    public T Read(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length < HeaderLength || data[0] != 0)
            throw new InvalidDataException(
                $"{data.Length} bytes are not Confluent Avro wire format (magic byte 0 and a 4-byte schema id) for {typeof(T).Name}; the writer used another serializer.");
        var schemaId = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(1, 4));
        var reader = readers.GetOrAdd(schemaId, CreateReader);
        using var stream = new MemoryStream(data, HeaderLength, data.Length - HeaderLength, writable: false);
        return reader.Read(null!, new BinaryDecoder(stream));
    }

    private SpecificDatumReader<T> CreateReader(int schemaId)
    {
        Confluent.SchemaRegistry.Schema registered;
        try
        {
            // Once per schema id: the blocking wait is paid on the first value of each writer schema only.
            registered = registry.GetSchemaBySubjectAndIdAsync(null, schemaId).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is SchemaRegistryException or HttpRequestException)
        {
            throw new InvalidDataException($"Schema id {schemaId} of a {typeof(T).Name} value could not be fetched from the schema registry: {e.Message}", e);
        }
        try
        {
            return new SpecificDatumReader<T>(Avro.Schema.Parse(registered.SchemaString), ReaderSchema);
        }
        catch (Avro.AvroException e)
        {
            throw new InvalidDataException($"Schema id {schemaId} cannot be read as {typeof(T).Name}: {e.Message}", e);
        }
    }
}
