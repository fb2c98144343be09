using StreamFinance.Connectors.Sources;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Mapping.Binding;

/// <summary>
/// The typed-read rule of one value: which source types its paths may hold. A JSON object or array where a scalar
/// belongs, a JSON boolean where a number, date, timestamp or UUID belongs, and anything but the profile's declared
/// <c>type</c> (<c>string</c>, <c>number</c>, <c>integer</c>, <c>boolean</c>, as the vendor's API documentation gives
/// it) break the vendor's own schema: SCHEMA_INVALID. Formats without types (CSV, X12) pass as text.
/// </summary>
internal sealed class SourceTypes(string? declared, ScalarKind? target)
{
    /// <summary>The names a profile may give <c>type</c>.</summary>
    public static readonly IReadOnlyList<string> Declarable = ["string", "number", "integer", "boolean"];

    /// <summary>No declared type, no target (a path read for a computed or envelope value).</summary>
    public static SourceTypes Any { get; } = new(null, null);

    /// <summary>Throws SCHEMA_INVALID when <paramref name="value"/>, read at <paramref name="path"/> for <paramref name="field"/>, has a type the rule refuses.</summary>
    public void Check(SourceValue value, string field, string path)
    {
        if (Problem(value) is { } problem)
            throw new MappingValueException(ReasonCode.SchemaInvalid, field,
                $"{field}: '{Shown(value.Text)}' at {path} is {Describe(value.Kind)}, but {problem}; the payload breaks the vendor's schema, so the sender must correct it");
    }

    private string? Problem(SourceValue value)
    {
        if (value.Kind is SourceValueKind.Text or SourceValueKind.Absent or SourceValueKind.Null)
            return null;
        if (declared is not null)
            return declared switch
            {
                "string" when value.Kind == SourceValueKind.String => null,
                "number" when value.Kind == SourceValueKind.Number => null,
                "integer" when value.Kind == SourceValueKind.Number && value.Text!.AsSpan().IndexOfAny(".eE") < 0 => null,
                "boolean" when value.Kind == SourceValueKind.Boolean => null,
                _ => $"the profile declares it a JSON {declared}",
            };
        if (value.Kind is SourceValueKind.Object or SourceValueKind.Array)
            return $"a single {Target()} value belongs there";
        if (value.Kind == SourceValueKind.Boolean && target is ScalarKind.Decimal or ScalarKind.Int or ScalarKind.Long or ScalarKind.Date or ScalarKind.TimestampMillis or ScalarKind.Uuid)
            return $"a {Target()} belongs there";
        return null;
    }

    private string Target() => target?.ToString().ToLowerInvariant() ?? "scalar";

    private static string Describe(SourceValueKind kind) => kind switch
    {
        SourceValueKind.String => "a JSON string",
        SourceValueKind.Number => "a JSON number",
        SourceValueKind.Boolean => "a JSON boolean",
        SourceValueKind.Object => "a JSON object",
        _ => "a JSON array",
    };

    private static string Shown(string? text) => text is { Length: > 60 } ? text[..57] + "..." : text ?? string.Empty;
}
