using StreamFinance.Connectors.Sources;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Mapping.Binding;

/// <summary>A scalar target value: text from a <see cref="ValueSpec"/>, converted to the field's Avro type.</summary>
internal sealed class ScalarBinding(ValueSpec spec, AvroScalar scalar, bool nullable) : ValueBinding
{
    public override object? Build(ISourceDocument document, MappingScope scope, string field)
    {
        var text = spec.Evaluate(document, field);
        if (text is null)
        {
            if (nullable && !spec.Required)
                return null;
            throw new MappingValueException(ReasonCode.MappingFailed, field, $"{field}: required value missing at {spec.Describe()} (no default in the profile)");
        }
        return scalar.Convert(text, field, spec.Describe());
    }

    /// <summary>Whether a non-nullable value has no source value, default or const: its nullable parent record is then null.</summary>
    public bool MissingRequired(ISourceDocument document) =>
        !nullable && spec.Const is null && spec.Default is null && !AnyPresent(document);

    public override bool AnyPresent(ISourceDocument document) =>
        spec.Path is not null ? document.Value(spec.Path) is not null : (spec.Template is not null || spec.Computed is not null) && spec.Evaluate(document, string.Empty) is not null;
}
