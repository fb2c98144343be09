using Avro;
using Avro.Specific;

namespace StreamFinance.Topologies.MasterData;

/// <summary>Copies of generated Avro records, field by field through their schema, so a copy never misses a field added later.</summary>
public static class AvroRecords
{
    /// <summary>A new record of the same type holding the same field values (nested records and lists are shared, not copied).</summary>
    public static T ShallowCopy<T>(T record) where T : class, ISpecificRecord, new()
    {
        ArgumentNullException.ThrowIfNull(record);
        var copy = new T();
        foreach (var field in ((RecordSchema)record.Schema).Fields)
            copy.Put(field.Pos, record.Get(field.Pos));
        return copy;
    }
}
