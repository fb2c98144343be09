using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StreamFinance.AvroCodeGen;

/// <summary>Small helpers for reading Avro schema JSON trees.</summary>
internal static class AvroJson
{
    private static readonly HashSet<string> Primitives =
        ["null", "boolean", "int", "long", "float", "double", "bytes", "string"];

    private static readonly HashSet<string> NamedKinds = ["record", "error", "enum", "fixed"];

    /// <summary>True for Avro primitive type names.</summary>
    public static bool IsPrimitive(string typeName) => Primitives.Contains(typeName);

    /// <summary>True for <c>float</c> and <c>double</c>, which the contracts forbid.</summary>
    public static bool IsFloatingPoint(string typeName) => typeName is "float" or "double";

    /// <summary>The <c>type</c> of an object schema when it is a string, otherwise null.</summary>
    public static string? KindOf(JObject schema) => schema["type"] is JValue { Type: JTokenType.String } v ? (string?)v : null;

    /// <summary>True when the object defines a named type (record, error, enum or fixed).</summary>
    public static bool IsNamedDefinition(JObject schema) => KindOf(schema) is { } kind && NamedKinds.Contains(kind);

    /// <summary>A string property, or null when absent or not a string.</summary>
    public static string? StringProperty(JObject obj, string name) =>
        obj[name] is JValue { Type: JTokenType.String } v ? (string?)v : null;

    /// <summary>
    /// The full name of a named definition: a dotted <c>name</c> wins, then its own
    /// <c>namespace</c>, then the enclosing namespace.
    /// </summary>
    public static (string Namespace, string FullName) FullNameOf(JObject definition, string enclosingNamespace)
    {
        var name = StringProperty(definition, "name") ?? string.Empty;
        var lastDot = name.LastIndexOf('.');
        if (lastDot >= 0)
        {
            return (name[..lastDot], name);
        }

        var ns = StringProperty(definition, "namespace") ?? enclosingNamespace;
        return (ns, ns.Length == 0 ? name : $"{ns}.{name}");
    }

    /// <summary>1-based line and column of a token, or (0, 0) when the tree was loaded without line info.</summary>
    public static (int Line, int Column) PositionOf(JToken token) =>
        token is IJsonLineInfo info && info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (0, 0);
}
