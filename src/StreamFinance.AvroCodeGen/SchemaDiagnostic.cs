namespace StreamFinance.AvroCodeGen;

/// <summary>
/// One problem found in a schema file, printed in MSBuild's canonical error format
/// (<c>file(line,col): error CODE: message</c>) so a build shows it with the file name.
/// </summary>
/// <param name="File">Full path of the .avsc file.</param>
/// <param name="Line">1-based line, or 0 when unknown.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
/// <param name="Code">Stable code, see <see cref="DiagnosticCodes"/>.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record SchemaDiagnostic(string File, int Line, int Column, string Code, string Message)
{
    /// <summary>Formats the diagnostic as one MSBuild canonical error line.</summary>
    public override string ToString()
    {
        var origin = Line > 0 ? $"{File}({Line},{Math.Max(Column, 1)})" : File;
        return $"{origin}: error {Code}: {Message}";
    }
}
