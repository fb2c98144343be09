namespace StreamFinance.Connectors.Mapping.Binding;

/// <summary>Per-record state of one <c>Map</c> call.</summary>
internal sealed record MappingScope(Contracts.Common.Envelope Envelope);
