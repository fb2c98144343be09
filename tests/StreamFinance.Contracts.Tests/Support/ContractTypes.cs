using System.Reflection;
using Avro;
using Avro.Specific;
using StreamFinance.Contracts.Common;

namespace StreamFinance.Contracts.Tests.Support;

/// <summary>The generated types of the Contracts assembly, found by reflection so no schema can be forgotten.</summary>
internal static class ContractTypes
{
    public static Assembly Assembly { get; } = typeof(Money).Assembly;

    /// <summary>Every concrete <see cref="ISpecificRecord"/> class, ordered by full name.</summary>
    public static IReadOnlyList<Type> SpecificRecords { get; } = Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISpecificRecord).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>The generated class or enum for a named schema (whose full name is the C# full name).</summary>
    public static Type ForSchema(NamedSchema schema) =>
        Assembly.GetType(schema.Fullname)
        ?? throw new InvalidOperationException($"No generated type {schema.Fullname} in {Assembly.GetName().Name}.");

    /// <summary>The CLR type Apache.Avro's specific reader produces for a schema.</summary>
    public static Type ClrTypeOf(Schema schema) => schema switch
    {
        LogicalSchema logical => logical.LogicalTypeName switch
        {
            "decimal" => typeof(AvroDecimal),
            "date" or "timestamp-millis" or "timestamp-micros" => typeof(DateTime),
            "uuid" => typeof(Guid),
            var other => throw new NotSupportedException($"Logical type {other} has no sample mapping yet; add it."),
        },
        UnionSchema union when union.Count == 2 && union.Schemas.Any(s => s.Tag == Schema.Type.Null) =>
            Nullable(ClrTypeOf(union.Schemas.Single(s => s.Tag != Schema.Type.Null))),
        UnionSchema => typeof(object),
        NamedSchema named => ForSchema(named),
        ArraySchema array => typeof(IList<>).MakeGenericType(ClrTypeOf(array.ItemSchema)),
        MapSchema map => typeof(IDictionary<,>).MakeGenericType(typeof(string), ClrTypeOf(map.ValueSchema)),
        _ => schema.Tag switch
        {
            Schema.Type.String => typeof(string),
            Schema.Type.Int => typeof(int),
            Schema.Type.Long => typeof(long),
            Schema.Type.Boolean => typeof(bool),
            Schema.Type.Bytes => typeof(byte[]),
            var other => throw new NotSupportedException($"Avro type {other} has no sample mapping; contracts do not use it."),
        },
    };

    private static Type Nullable(Type type) => type.IsValueType ? typeof(Nullable<>).MakeGenericType(type) : type;
}
