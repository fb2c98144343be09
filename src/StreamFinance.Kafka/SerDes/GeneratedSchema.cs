using Avro.Specific;

namespace StreamFinance.Kafka.SerDes;

/// <summary>The Avro schema a generated record class carries in its static <c>_SCHEMA</c> field (no instance needed).</summary>
public static class GeneratedSchema
{
    /// <summary>The schema of the generated record type <paramref name="recordType"/>.</summary>
    /// <exception cref="InvalidOperationException">The type is not a generated Avro record.</exception>
    public static Avro.Schema Of(Type recordType)
    {
        ArgumentNullException.ThrowIfNull(recordType);
        return recordType.GetField("_SCHEMA", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.GetValue(null) as Avro.Schema
            ?? throw new InvalidOperationException($"{recordType.FullName} is not a generated Avro record: it has no static _SCHEMA field.");
    }
}

/// <summary>The schema of <typeparamref name="T"/>, read once (<see cref="GeneratedSchema.Of"/>).</summary>
/// <typeparam name="T">The generated record type.</typeparam>
internal static class GeneratedSchema<T> where T : class, ISpecificRecord
{
    /// <summary>The schema of <typeparamref name="T"/>.</summary>
    public static readonly Avro.Schema Schema = GeneratedSchema.Of(typeof(T));
}
