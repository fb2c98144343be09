using Avro;
using Newtonsoft.Json.Linq;

namespace StreamFinance.Embedded.SchemaRegistry.Internals;

/// <summary>
/// Name matching for named Avro types: full names, or a reader alias equal to the writer's full name.
/// Apache.Avro keeps aliases private, so they are read back from the schema's own JSON when names differ.
/// </summary>
internal static class AvroNames
{
    public static bool Match(NamedSchema reader, NamedSchema writer) =>
        reader.Fullname == writer.Fullname || Aliases(reader).Contains(writer.Fullname);

    private static IReadOnlyCollection<string> Aliases(NamedSchema schema)
    {
        // A named schema prints its full definition (with aliases as full names) when it is the root.
        var json = JObject.Parse(schema.ToString());
        if (json["aliases"] is not JArray aliases)
        {
            return [];
        }

        return aliases
            .Select(alias => (string?)alias)
            .OfType<string>()
            .Select(alias => alias.Contains('.') || string.IsNullOrEmpty(schema.Namespace) ? alias : schema.Namespace + "." + alias)
            .ToArray();
    }
}
