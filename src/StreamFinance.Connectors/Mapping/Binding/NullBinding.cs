using StreamFinance.Connectors.Sources;

namespace StreamFinance.Connectors.Mapping.Binding;

/// <summary>A nullable field the profile does not map: always null.</summary>
internal sealed class NullBinding : ValueBinding
{
    public override object? Build(ISourceDocument document, MappingScope scope, string field) => null;

    public override bool AnyPresent(ISourceDocument document) => false;
}
