namespace StreamFinance.Host.Inspection;

/// <summary>How <c>topic dump</c> and <c>topic tail</c> print records.</summary>
public enum RecordFormat
{
    /// <summary>One compact JSON object per line (the default; what jq, DuckDB and Spark read).</summary>
    Jsonl,

    /// <summary>Each record as an indented JSON object, one after another (jq reads the sequence).</summary>
    Json,

    /// <summary>RFC 4180 CSV: a header row from the value schema (nested records flattened with dots), then a row per record.</summary>
    Csv,
}
