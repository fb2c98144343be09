using System.Buffers.Binary;
using System.Collections.Concurrent;
using Avro.IO;
using Avro.Specific;
using Confluent.Kafka;
using Confluent.SchemaRegistry;

namespace StreamFinance.Kafka.SerDes;

/// <summary>
/// Encodes a generated record in Confluent's Avro wire format (magic byte 0, 4-byte big-endian schema id, Avro binary),
/// synchronously on the calling thread, registering the record's own schema under the Kafka-convention subject
/// (<c>&lt;topic&gt;-value</c> or <c>-key</c>) once per subject. The bytes equal those of Confluent's
/// <c>AvroSerializer</c> with auto-registration and the topic subject strategy. Thread-safe.
/// </summary>
/// <remarks>
/// Confluent's serializer is asynchronous inside; called synchronously, as Streamiz SerDes are, each record waited on a
/// task (spinning, then blocking) and that wait was most of a stream thread's processing time (see the expense-pipeline
/// benchmark). This writer does not run Confluent data-contract rules; StreamFinance schemas define none.
/// </remarks>
/// <typeparam name="T">The generated record type.</typeparam>
public sealed class AvroSpecificWriter<T> where T : class, ISpecificRecord
{
    private const int HeaderLength = 5;
    private static readonly Avro.Schema WriterSchema = GeneratedSchema<T>.Schema;
    private static readonly SpecificDatumWriter<T> Writer = new(WriterSchema);
    private readonly ISchemaRegistryClient registry;
    private readonly ConcurrentDictionary<string, int> schemaIds = new();

    /// <summary>Creates a writer that registers through <paramref name="registry"/>.</summary>
    public AvroSpecificWriter(ISchemaRegistryClient registry) => this.registry = registry ?? throw new ArgumentNullException(nameof(registry));

    /// <summary>Encodes <paramref name="value"/> for the topic and component of <paramref name="context"/>.</summary>
    /// <exception cref="InvalidDataException">The schema could not be registered, or the record does not fit its own schema (e.g. a decimal of the wrong scale).</exception>
    public byte[] Write(T value, SerializationContext context)
    {
        ArgumentNullException.ThrowIfNull(value);
        var subject = $"{context.Topic}-{(context.Component == MessageComponentType.Key ? "key" : "value")}";
        var schemaId = schemaIds.TryGetValue(subject, out var known) ? known : schemaIds.GetOrAdd(subject, Register);
        using var stream = new MemoryStream(256);
        Span<byte> header = stackalloc byte[HeaderLength];
        BinaryPrimitives.WriteInt32BigEndian(header[1..], schemaId);
        stream.Write(header);
        try
        {
            Writer.Write(value, new BinaryEncoder(stream));
        }
        catch (Exception e) when (e is Avro.AvroException or ArgumentException or InvalidCastException or NullReferenceException)
        {
            throw new InvalidDataException($"A {typeof(T).Name} for {subject} does not fit its schema: {e.Message}", e);
        }
        return stream.ToArray();
    }

    private int Register(string subject)
    {
        try
        {
            // Once per subject: the blocking wait is paid on the first record of each topic only.
            return registry.RegisterSchemaWithResponseAsync(subject, new Schema(WriterSchema.ToString(), SchemaType.Avro), normalize: false)
                .GetAwaiter().GetResult().Id;
        }
        catch (Exception e) when (e is SchemaRegistryException or HttpRequestException)
        {
            throw new InvalidDataException($"The {typeof(T).Name} schema could not be registered under {subject}: {e.Message}", e);
        }
    }
}
