using StreamFinance.Domain.Money;

namespace StreamFinance.Connectors.Mapping.Transforms;

/// <summary>
/// <c>currency</c>: trims, upper-cases, resolves aliases (built in: <c>EURO</c>, <c>€</c> to EUR; <c>US$</c>, <c>USD$</c>
/// to USD; <c>YEN</c>, <c>¥</c> to JPY; <c>£</c> to GBP; plus the profile's <c>aliases</c>, which win) and checks the
/// result is an ISO 4217 code known to <see cref="CurrencyMinorUnits"/>.
/// </summary>
public sealed class CurrencyTransform : ITextTransform
{
    private static readonly Dictionary<string, string> BuiltIn = new(StringComparer.Ordinal)
    {
        ["EURO"] = "EUR", ["€"] = "EUR", ["US$"] = "USD", ["USD$"] = "USD", ["YEN"] = "JPY", ["¥"] = "JPY", ["£"] = "GBP",
    };

    private readonly Dictionary<string, string> aliases;

    /// <summary>With the built-in aliases plus <paramref name="extraAliases"/> (matched after trimming and upper-casing).</summary>
    public CurrencyTransform(IReadOnlyDictionary<string, string>? extraAliases = null)
    {
        aliases = new Dictionary<string, string>(BuiltIn, StringComparer.Ordinal);
        foreach (var (from, to) in extraAliases ?? new Dictionary<string, string>())
            aliases[from.Trim().ToUpperInvariant()] = to.Trim().ToUpperInvariant();
    }

    /// <summary>Normalises <paramref name="text"/> with the built-in aliases; false when the result is not a known ISO 4217 code.</summary>
    public static bool TryNormalize(string? text, out string code)
    {
        code = text?.Trim().ToUpperInvariant() ?? string.Empty;
        if (BuiltIn.TryGetValue(code, out var alias))
            code = alias;
        return CurrencyMinorUnits.IsKnown(code);
    }

    /// <inheritdoc />
    public string Apply(string text, TransformContext context)
    {
        var code = text.Trim().ToUpperInvariant();
        if (aliases.TryGetValue(code, out var alias))
            code = alias;
        if (!CurrencyMinorUnits.IsKnown(code))
            throw context.Fail(text, "is not a known ISO 4217 currency code (add an alias to the profile's currency transform if the source spells it differently)");
        return code;
    }
}
