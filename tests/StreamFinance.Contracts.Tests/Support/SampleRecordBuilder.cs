using System.Collections;
using System.Numerics;
using Avro;
using Avro.Specific;

namespace StreamFinance.Contracts.Tests.Support;

/// <summary>
/// Builds fully populated instances of generated records from their schemas: every field gets a non-null,
/// non-default value (nested records, arrays and maps with two entries, the non-null branch of unions,
/// decimals at the schema's scale, millisecond timestamps). Values differ per field so swapped fields show.
/// </summary>
internal sealed class SampleRecordBuilder
{
    private static readonly DateTime BaseTime = new(2025, 3, 31, 12, 34, 56, 789, DateTimeKind.Utc);
    private int _counter;

    /// <summary>
    /// Chooses the branch used for unions with several non-null branches; the default takes the first.
    /// </summary>
    public Func<UnionSchema, Schema>? UnionBranch { get; init; }

    public ISpecificRecord Build(Type recordType)
    {
        var record = (ISpecificRecord)Activator.CreateInstance(recordType)!;
        foreach (var field in ((RecordSchema)record.Schema).Fields)
        {
            record.Put(field.Pos, ValueFor(field.Schema));
        }

        return record;
    }

    private object ValueFor(Schema schema)
    {
        var n = ++_counter;
        return schema switch
        {
            LogicalSchema logical => LogicalValue(logical, n),
            UnionSchema union => ValueFor(ChooseBranch(union)),
            RecordSchema record => Build(ContractTypes.ForSchema(record)),
            EnumSchema enumSchema => Enum.Parse(ContractTypes.ForSchema(enumSchema), enumSchema.Symbols[^1]),
            ArraySchema array => List(array.ItemSchema),
            MapSchema map => Map(map.ValueSchema, n),
            _ => schema.Tag switch
            {
                Schema.Type.String => $"value-{n}",
                Schema.Type.Int => 1000 + n,
                Schema.Type.Long => 5_000_000_000L + n,
                Schema.Type.Boolean => true,
                Schema.Type.Bytes => new byte[] { 0, 1, 0x7F, 0xFF, (byte)n },
                var other => throw new NotSupportedException($"No sample for Avro type {other}."),
            },
        };
    }

    private Schema ChooseBranch(UnionSchema union)
    {
        var nonNull = union.Schemas.Where(s => s.Tag != Schema.Type.Null).ToList();
        return nonNull.Count == 1 || UnionBranch is null ? nonNull[0] : UnionBranch(union);
    }

    private static object LogicalValue(LogicalSchema logical, int n) => logical.LogicalTypeName switch
    {
        // Negative and with every fractional digit used, so sign and scale errors show.
        "decimal" => new AvroDecimal(-(BigInteger.Pow(10, 10) + n * 7919), int.Parse(logical.GetProperty("scale"))),
        "date" => new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(n),
        "timestamp-millis" => BaseTime.AddMilliseconds(n),
        "uuid" => new Guid(n, 0x1234, 0x5678, 1, 2, 3, 4, 5, 6, 7, 8),
        var other => throw new NotSupportedException($"No sample for logical type {other}."),
    };

    private IList List(Schema itemSchema)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(ContractTypes.ClrTypeOf(itemSchema)))!;
        list.Add(ValueFor(itemSchema));
        list.Add(ValueFor(itemSchema));
        return list;
    }

    private IDictionary Map(Schema valueSchema, int n)
    {
        var map = (IDictionary)Activator.CreateInstance(
            typeof(Dictionary<,>).MakeGenericType(typeof(string), ContractTypes.ClrTypeOf(valueSchema)))!;
        map[$"key-{n}-a"] = ValueFor(valueSchema);
        map[$"key-{n}-b"] = ValueFor(valueSchema);
        return map;
    }
}
