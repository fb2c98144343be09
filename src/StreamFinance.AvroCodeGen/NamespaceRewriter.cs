using Newtonsoft.Json.Linq;

namespace StreamFinance.AvroCodeGen;

/// <summary>
/// Moves a schema tree from its canonical Avro namespaces into the C# namespaces of <see cref="NamespaceMap"/>,
/// and keeps each type's canonical full name as an alias.
/// </summary>
/// <remarks>
/// Apache.Avro's specific reader finds the class to instantiate by the schema's full name, so the schema a
/// generated class carries (and that the serializer registers) must use the C# namespace. The alias lets that
/// class still read data written with the canonical <c>streamfinance.*</c> names, e.g. by non-.NET producers.
/// Apache.Avro's own <c>AddSchema(string, mapping)</c> only rewrites <c>"namespace"</c> attributes, not
/// dotted references to types in other files, so this walks the tree instead.
/// </remarks>
internal sealed class NamespaceRewriter(NamespaceMap namespaces)
{
    /// <summary>Returns a rewritten copy of a schema tree.</summary>
    public JToken Rewrite(JToken root)
    {
        var copy = root.DeepClone();
        return RewriteType(copy, string.Empty);
    }

    private static string QualifyAlias(string alias, string ns) =>
        alias.Contains('.') || ns.Length == 0 ? alias : $"{ns}.{alias}";

    private JToken RewriteType(JToken type, string enclosingNamespace)
    {
        switch (type)
        {
            case JValue { Type: JTokenType.String } reference:
                var name = (string)reference!;
                return AvroJson.IsPrimitive(name) || !name.Contains('.') ? reference : new JValue(namespaces.MapFullName(name));
            case JArray union:
                for (var i = 0; i < union.Count; i++)
                {
                    union[i] = RewriteType(union[i], enclosingNamespace);
                }

                return union;
            case JObject obj when AvroJson.IsNamedDefinition(obj):
                RewriteDefinition(obj, enclosingNamespace);
                return obj;
            case JObject obj when AvroJson.KindOf(obj) == "array" && obj["items"] is { } items:
                obj["items"] = RewriteType(items, enclosingNamespace);
                return obj;
            case JObject obj when AvroJson.KindOf(obj) == "map" && obj["values"] is { } values:
                obj["values"] = RewriteType(values, enclosingNamespace);
                return obj;
            default:
                return type;
        }
    }

    private void RewriteDefinition(JObject definition, string enclosingNamespace)
    {
        var (ns, canonicalFullName) = AvroJson.FullNameOf(definition, enclosingNamespace);
        var name = AvroJson.StringProperty(definition, "name") ?? string.Empty;
        if (name.Contains('.'))
        {
            definition["name"] = namespaces.MapFullName(name);
        }
        else if (definition["namespace"] is not null)
        {
            definition["namespace"] = namespaces.ToCSharp(ns) ?? ns;
        }

        // Existing short aliases are relative to the canonical namespace: qualify them before it changes.
        var aliases = new JArray(((definition["aliases"] as JArray) ?? []).Select(a => QualifyAlias((string?)a ?? string.Empty, ns)));
        if (!aliases.Any(a => (string?)a == canonicalFullName))
        {
            aliases.Add(canonicalFullName);
        }

        definition["aliases"] = aliases;

        if (AvroJson.KindOf(definition) is "record" or "error" && definition["fields"] is JArray fields)
        {
            foreach (var field in fields.OfType<JObject>())
            {
                if (field["type"] is { } fieldType)
                {
                    field["type"] = RewriteType(fieldType, ns);
                }
            }
        }
    }
}
