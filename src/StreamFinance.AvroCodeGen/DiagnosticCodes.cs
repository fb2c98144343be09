namespace StreamFinance.AvroCodeGen;

/// <summary>Stable error codes of the Avro code generator.</summary>
public static class DiagnosticCodes
{
    /// <summary>The file is not valid JSON.</summary>
    public const string MalformedJson = "SFAVRO001";

    /// <summary>The file's top level is not one named type, or the file is not named after it.</summary>
    public const string FileLayout = "SFAVRO002";

    /// <summary>A record, enum, fixed or field has no non-empty <c>doc</c>.</summary>
    public const string MissingDoc = "SFAVRO003";

    /// <summary>A field uses <c>float</c> or <c>double</c>; amounts must be exact decimals.</summary>
    public const string FloatingPoint = "SFAVRO004";

    /// <summary>Apache.Avro rejected the schema, for example an undefined or duplicate name.</summary>
    public const string InvalidSchema = "SFAVRO005";

    /// <summary>A namespace has no C# namespace mapping.</summary>
    public const string UnmappedNamespace = "SFAVRO006";

    /// <summary>The command line or the output directory is unusable.</summary>
    public const string Usage = "SFAVRO007";
}
