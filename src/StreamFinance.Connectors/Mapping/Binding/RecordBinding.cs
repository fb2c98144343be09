using Avro.Specific;
using StreamFinance.Connectors.Sources;

namespace StreamFinance.Connectors.Mapping.Binding;

/// <summary>
/// A target record: each Avro field by position with its binding. A nullable record (<c>["null", Record]</c>) is null
/// when the source has none of its path values, or lacks a value for one of its non-nullable scalar fields
/// (e.g. <c>tax</c> is null when the tax amount is absent even though the currency is there).
/// </summary>
internal sealed class RecordBinding(Type type, IReadOnlyList<(int Position, string Name, ValueBinding Binding)> fields, bool nullable) : ValueBinding
{
    public Type Type { get; } = type;

    public override object? Build(ISourceDocument document, MappingScope scope, string field)
    {
        if (nullable && (!AnyPresent(document) || fields.Any(f => f.Binding is ScalarBinding scalar && scalar.MissingRequired(document))))
            return null;
        var record = (ISpecificRecord)Activator.CreateInstance(Type)!;
        foreach (var (position, name, binding) in fields)
            record.Put(position, binding.Build(document, scope, field.Length == 0 ? name : $"{field}.{name}"));
        return record;
    }

    public override bool AnyPresent(ISourceDocument document) => fields.Any(f => f.Binding.AnyPresent(document));
}
