namespace StreamFinance.AvroCodeGen;

/// <summary>A schema file's JSON after namespace mapping, ready for <c>Schema.Parse</c>.</summary>
/// <param name="Path">Full path of the .avsc file it came from.</param>
/// <param name="Json">Schema JSON in the C# namespaces.</param>
internal sealed record SchemaSource(string Path, string Json);
