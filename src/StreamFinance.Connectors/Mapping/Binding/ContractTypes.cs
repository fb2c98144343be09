using StreamFinance.Contracts.Common;

namespace StreamFinance.Connectors.Mapping.Binding;

/// <summary>Finds the generated CLR type of an Avro named type: generated classes live in the Contracts assembly under the schema's full name.</summary>
internal static class ContractTypes
{
    public static Type Get(string fullName) =>
        typeof(Envelope).Assembly.GetType(fullName)
        ?? throw new InvalidOperationException($"No generated type '{fullName}' in {typeof(Envelope).Assembly.GetName().Name}; rebuild the Contracts project.");
}
