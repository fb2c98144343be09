namespace StreamFinance.Connectors.Mapping;

/// <summary>
/// A mapping profile that cannot be loaded. The message names the file, the line and the problem, e.g.
/// <c>concur.yaml:14: field 'amont' is not a field of ExpenseLine (fields: ...)</c>, so whoever edits the profile can fix it.
/// </summary>
public sealed class MappingProfileException : Exception
{
    /// <summary>A problem at <paramref name="line"/> of <paramref name="file"/>.</summary>
    public MappingProfileException(string file, long line, string problem, Exception? inner = null)
        : base($"{file}:{line}: {problem}", inner) => (File, Line, Problem) = (file, line, problem);

    /// <summary>The profile file (as given to the loader).</summary>
    public string File { get; }

    /// <summary>1-based line of the problem; 1 when it concerns the whole file.</summary>
    public long Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
