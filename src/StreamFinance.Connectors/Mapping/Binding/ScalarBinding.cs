using StreamFinance.Connectors.Sources;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Mapping.Binding;

/// <summary>
/// A scalar target value: text from a <see cref="ValueSpec"/>, converted to the field's Avro type. A non-nullable field
/// (or one marked <c>required: true</c>) is core: without a value the record fails, SCHEMA_INVALID when the source
/// sent an explicit null, MAPPING_FAILED when the value is absent.
/// </summary>
internal sealed class ScalarBinding(ValueSpec spec, AvroScalar scalar, bool nullable) : ValueBinding
{
    public override object? Build(ISourceDocument document, MappingScope scope, string field)
    {
        var text = spec.Evaluate(document, field);
        if (text is null)
        {
            if (nullable && !spec.Required)
                return null;
            throw spec.Missing(document, field);
        }
        return scalar.Convert(text, field, spec.Describe());
    }

    /// <summary>Whether a non-nullable value has no source value, default or const: its nullable parent record is then null.</summary>
    public bool MissingRequired(ISourceDocument document) =>
        !nullable && !spec.AlwaysPresent && !spec.Present(document);

    public override bool AnyPresent(ISourceDocument document) => spec.Present(document);
}
