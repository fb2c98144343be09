using Avro;

namespace StreamFinance.AvroCodeGen;

/// <summary>
/// Parses a set of schema files that reference each other's named types, in any file order.
/// </summary>
/// <remarks>
/// Every file is parsed against one shared <see cref="SchemaNames"/>. A file that refers to a type defined
/// in a file not yet parsed fails; it is retried in the next pass. Each attempt parses into a copy of the
/// names so a half-parsed file leaves nothing behind. When a pass makes no progress, the remaining files'
/// errors (undefined names, duplicates, bad defaults) are reported, each naming its file.
/// </remarks>
internal sealed class SchemaSetParser(NamespaceMap namespaces)
{
    /// <summary>Parses all sources and returns the top-level schema of each file.</summary>
    /// <exception cref="SchemaGenerationException">Some files cannot be parsed.</exception>
    public IReadOnlyList<Schema> Parse(IReadOnlyList<SchemaSource> sources)
    {
        var names = new SchemaNames();
        var parsed = new List<Schema>();
        var pending = sources.ToList();
        var lastErrors = new Dictionary<SchemaSource, string>();
        while (pending.Count > 0)
        {
            var progress = false;
            foreach (var source in pending.ToList())
            {
                var attempt = Copy(names);
                try
                {
                    parsed.Add(Schema.Parse(source.Json, attempt));
                    names = attempt;
                    pending.Remove(source);
                    progress = true;
                }
                catch (AvroException e)
                {
                    lastErrors[source] = e.Message;
                }
            }

            if (!progress)
            {
                throw new SchemaGenerationException(pending
                    .Select(s => new SchemaDiagnostic(s.Path, 0, 0, DiagnosticCodes.InvalidSchema,
                        $"{namespaces.ToCanonical(lastErrors[s])}. Define the type in its own .avsc file or fix the reference."))
                    .ToList());
            }
        }

        return parsed;
    }

    private static SchemaNames Copy(SchemaNames names)
    {
        var copy = new SchemaNames();
        foreach (var (name, schema) in names)
        {
            copy.Add(name, schema);
        }

        return copy;
    }
}
