using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StreamFinance.AvroCodeGen;

/// <summary>One .avsc file read as a JSON tree with line information.</summary>
/// <param name="Path">Full path of the file.</param>
/// <param name="Root">The parsed JSON.</param>
internal sealed record SchemaFile(string Path, JToken Root)
{
    /// <summary>Reads and parses a file; malformed JSON becomes a diagnostic naming the file, line and column.</summary>
    public static SchemaFile Load(string path)
    {
        var text = File.ReadAllText(path);
        try
        {
            var root = JToken.Parse(text, new JsonLoadSettings
            {
                LineInfoHandling = LineInfoHandling.Load,
                CommentHandling = CommentHandling.Ignore,
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
            });
            return new SchemaFile(path, root);
        }
        catch (JsonReaderException e)
        {
            throw new SchemaGenerationException(
            [
                new SchemaDiagnostic(path, e.LineNumber, e.LinePosition, DiagnosticCodes.MalformedJson,
                    $"malformed JSON: {e.Message} Fix the syntax of this file."),
            ]);
        }
    }
}
