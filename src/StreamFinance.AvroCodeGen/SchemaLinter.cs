using System.Text;
using Newtonsoft.Json.Linq;

namespace StreamFinance.AvroCodeGen;

/// <summary>
/// Checks the house rules Apache.Avro does not: one named top-level type per file, named after the type
/// in kebab case; a non-empty <c>doc</c> on every named type and field; no <c>float</c>/<c>double</c>;
/// optional (<c>["null", T]</c>) fields default to null; every namespace has a C# mapping.
/// </summary>
internal sealed class SchemaLinter(NamespaceMap namespaces)
{
    /// <summary>Returns every problem in the file; empty when it follows the rules.</summary>
    public IReadOnlyList<SchemaDiagnostic> Lint(SchemaFile file)
    {
        var problems = new List<SchemaDiagnostic>();
        if (file.Root is not JObject root || !AvroJson.IsNamedDefinition(root) || AvroJson.StringProperty(root, "name") is null)
        {
            problems.Add(At(file, file.Root, DiagnosticCodes.FileLayout,
                "the top level must be one named type (record, enum or fixed) with a \"name\"; put each type in its own file."));
            return problems;
        }

        var (ns, fullName) = AvroJson.FullNameOf(root, string.Empty);
        var simpleName = fullName[(fullName.LastIndexOf('.') + 1)..];
        var expectedFile = KebabCase(simpleName) + ".avsc";
        if (!string.Equals(Path.GetFileName(file.Path), expectedFile, StringComparison.Ordinal))
        {
            problems.Add(At(file, root, DiagnosticCodes.FileLayout,
                $"the file defines '{simpleName}'; rename the file to '{expectedFile}'."));
        }

        new Walker(file, namespaces, problems).VisitDefinition(root, string.Empty);
        return problems;
    }

    /// <summary>Turns a Pascal-case type name into the file-name form: <c>ApInvoicePosting</c> to <c>ap-invoice-posting</c>.</summary>
    public static string KebabCase(string pascalName)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < pascalName.Length; i++)
        {
            var c = pascalName[i];
            var startsWord = i > 0 && char.IsUpper(c) &&
                (!char.IsUpper(pascalName[i - 1]) || (i + 1 < pascalName.Length && char.IsLower(pascalName[i + 1])));
            if (startsWord)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    private static SchemaDiagnostic At(SchemaFile file, JToken token, string code, string message)
    {
        var (line, column) = AvroJson.PositionOf(token);
        return new SchemaDiagnostic(file.Path, line, column, code, message);
    }

    private sealed class Walker(SchemaFile file, NamespaceMap namespaces, List<SchemaDiagnostic> problems)
    {
        public void VisitDefinition(JObject definition, string enclosingNamespace)
        {
            var (ns, fullName) = AvroJson.FullNameOf(definition, enclosingNamespace);
            if (namespaces.ToCSharp(ns) is null)
            {
                problems.Add(At(file, definition, DiagnosticCodes.UnmappedNamespace,
                    $"'{fullName}' is in namespace '{ns}', which has no C# namespace; use one of {string.Join(", ", namespaces.AvroNamespaces)} or add a mapping to NamespaceMap."));
            }

            var kind = AvroJson.KindOf(definition);
            if (string.IsNullOrWhiteSpace(AvroJson.StringProperty(definition, "doc")))
            {
                problems.Add(At(file, definition, DiagnosticCodes.MissingDoc,
                    $"{kind} '{fullName}' has no doc; add a non-empty \"doc\" saying what it is."));
            }

            if (kind is "record" or "error" && definition["fields"] is JArray fields)
            {
                foreach (var field in fields.OfType<JObject>())
                {
                    VisitField(field, fullName, ns);
                }
            }
        }

        private void VisitField(JObject field, string recordName, string ns)
        {
            var fieldName = AvroJson.StringProperty(field, "name") ?? "?";
            if (string.IsNullOrWhiteSpace(AvroJson.StringProperty(field, "doc")))
            {
                problems.Add(At(file, field, DiagnosticCodes.MissingDoc,
                    $"field '{fieldName}' of record '{recordName}' has no doc; add a non-empty \"doc\" saying what it holds."));
            }

            if (field["type"] is JArray { Count: > 0 } union && union[0] is JValue { Type: JTokenType.String } first
                && (string?)first == "null" && (field["default"] is not JValue { Type: JTokenType.Null }))
            {
                problems.Add(At(file, field, DiagnosticCodes.FileLayout,
                    $"optional field '{fieldName}' of record '{recordName}' needs \"default\": null so readers of older data stay compatible."));
            }

            if (field["type"] is { } type)
            {
                VisitType(type, $"field '{fieldName}' of record '{recordName}'", ns);
            }
        }

        private void VisitType(JToken type, string owner, string ns)
        {
            switch (type)
            {
                case JValue { Type: JTokenType.String } name when AvroJson.IsFloatingPoint((string)name!):
                    problems.Add(At(file, type, DiagnosticCodes.FloatingPoint,
                        $"{owner} uses '{(string)name!}'; amounts and rates must be exact: use the decimal logical type or streamfinance.common.Money."));
                    break;
                case JArray union:
                    foreach (var branch in union)
                    {
                        VisitType(branch, owner, ns);
                    }

                    break;
                case JObject obj when AvroJson.IsNamedDefinition(obj):
                    VisitDefinition(obj, ns);
                    break;
                case JObject obj when AvroJson.KindOf(obj) == "array" && obj["items"] is { } items:
                    VisitType(items, owner, ns);
                    break;
                case JObject obj when AvroJson.KindOf(obj) == "map" && obj["values"] is { } values:
                    VisitType(values, owner, ns);
                    break;
                case JObject obj when obj["type"] is { } inner:
                    VisitType(inner, owner, ns);
                    break;
            }
        }
    }
}
