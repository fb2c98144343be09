using StreamFinance.Connectors.Sources;

namespace StreamFinance.Connectors.Mapping.Binding;

/// <summary>How one target value (a field of a canonical record, or an array element) is built from a source record.</summary>
internal abstract class ValueBinding
{
    /// <summary>Builds the value; throws <see cref="MappingValueException"/> when the record cannot be mapped.</summary>
    /// <param name="document">The record or array item being mapped.</param>
    /// <param name="scope">Per-record state shared by all fields (the envelope).</param>
    /// <param name="field">The target field path for messages, e.g. <c>lines[1].unitPrice.amount</c>.</param>
    public abstract object? Build(ISourceDocument document, MappingScope scope, string field);

    /// <summary>Whether the source has any value for this binding (consts and defaults do not count); decides whether a nullable nested record is null.</summary>
    public abstract bool AnyPresent(ISourceDocument document);
}
