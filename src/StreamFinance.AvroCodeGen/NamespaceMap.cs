namespace StreamFinance.AvroCodeGen;

/// <summary>
/// Maps the canonical Avro namespaces (<c>streamfinance.*</c>) to the C# namespaces the contracts are generated into.
/// A schema whose namespace is not listed here fails generation, so every new namespace is a deliberate choice.
/// </summary>
internal sealed class NamespaceMap
{
    private readonly IReadOnlyDictionary<string, string> _avroToCSharp;

    private NamespaceMap(IReadOnlyDictionary<string, string> avroToCSharp) => _avroToCSharp = avroToCSharp;

    /// <summary>The StreamFinance mapping: <c>streamfinance.masterdata</c> to <c>StreamFinance.Contracts.MasterData</c> and so on.</summary>
    public static NamespaceMap StreamFinance { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["streamfinance.common"] = "StreamFinance.Contracts.Common",
        ["streamfinance.masterdata"] = "StreamFinance.Contracts.MasterData",
        ["streamfinance.transactions"] = "StreamFinance.Contracts.Transactions",
        ["streamfinance.outputs"] = "StreamFinance.Contracts.Outputs",
    });

    /// <summary>The Avro namespaces that have a mapping.</summary>
    public IEnumerable<string> AvroNamespaces => _avroToCSharp.Keys;

    /// <summary>The C# namespace for an Avro namespace, or null when it is not mapped.</summary>
    public string? ToCSharp(string avroNamespace) => _avroToCSharp.GetValueOrDefault(avroNamespace);

    /// <summary>Maps the namespace part of a full name (<c>streamfinance.common.Money</c>); unmapped names are returned unchanged.</summary>
    public string MapFullName(string fullName)
    {
        var lastDot = fullName.LastIndexOf('.');
        if (lastDot < 0)
        {
            return fullName;
        }

        return ToCSharp(fullName[..lastDot]) is { } mapped ? $"{mapped}.{fullName[(lastDot + 1)..]}" : fullName;
    }

    /// <summary>Rewrites C# namespaces in a message back to the Avro namespaces a schema author wrote.</summary>
    public string ToCanonical(string text)
    {
        foreach (var (avro, csharp) in _avroToCSharp)
        {
            text = text.Replace(csharp + ".", avro + ".", StringComparison.Ordinal);
        }

        return text;
    }
}
