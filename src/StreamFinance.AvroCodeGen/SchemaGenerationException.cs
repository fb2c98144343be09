namespace StreamFinance.AvroCodeGen;

/// <summary>Raised when schemas cannot be turned into code; carries every problem found, not just the first.</summary>
public sealed class SchemaGenerationException(IReadOnlyList<SchemaDiagnostic> diagnostics)
    : Exception($"{diagnostics.Count} schema problem(s); first: {diagnostics[0]}")
{
    /// <summary>The problems, in file order.</summary>
    public IReadOnlyList<SchemaDiagnostic> Diagnostics { get; } = diagnostics;
}
