namespace StreamFinance.Connectors.Sources;

/// <summary>
/// A payload format (CSV, JSON Lines, JSON array, EDI X12) that splits a payload into records. Readers never throw
/// for bad content: whatever cannot be parsed comes back as a <see cref="SourceReadResult.Failure"/> and reading goes on
/// with the next record where the format allows it.
/// </summary>
public interface ISourceFormat
{
    /// <summary>The format's name as used in mapping profiles: <c>csv</c>, <c>jsonl</c>, <c>json</c> or <c>x12</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Whether every record carries its own envelope and structure (X12 transaction sets), so a payload with one readable
    /// record is readable whatever that record holds. False (the default) for CSV and JSON, whose records share a header
    /// or layout: there, a file none of whose first records maps has the wrong structure as a whole.
    /// </summary>
    bool SelfContainedRecords => false;

    /// <summary>Reads every record of <paramref name="payload"/>, lazily and in order.</summary>
    /// <param name="payload">The whole payload: a file's bytes, an API page, a webhook body.</param>
    /// <param name="location">What to call the payload in positions, e.g. the file name.</param>
    /// <param name="options">Format options from the mapping profile (e.g. CSV <c>delimiter</c>, JSON <c>records</c> path of the array to split); empty for defaults.</param>
    IEnumerable<SourceReadResult> Read(ReadOnlyMemory<byte> payload, string location, IReadOnlyDictionary<string, string> options);
}
