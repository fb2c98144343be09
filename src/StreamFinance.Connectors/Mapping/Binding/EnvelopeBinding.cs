using StreamFinance.Connectors.Sources;

namespace StreamFinance.Connectors.Mapping.Binding;

/// <summary>An <c>envelope</c> field: filled by the engine, the same envelope for the record and every nested record (master-data payloads).</summary>
internal sealed class EnvelopeBinding : ValueBinding
{
    public override object? Build(ISourceDocument document, MappingScope scope, string field) => scope.Envelope;

    public override bool AnyPresent(ISourceDocument document) => false;
}
