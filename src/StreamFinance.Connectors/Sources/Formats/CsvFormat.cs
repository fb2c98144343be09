using System.Globalization;
using CsvHelper;

namespace StreamFinance.Connectors.Sources.Formats;

/// <summary>
/// CSV with a header row (RFC 4180 quoting; quoted fields may hold delimiters and line breaks), read with CsvHelper.
/// Name <c>csv</c>. Options: <c>delimiter</c> (default <c>,</c>; one ASCII character, <c>\t</c> for tab) and
/// <c>culture</c> (default invariant). Each data row becomes a <see cref="CsvSourceDocument"/> positioned at the
/// 1-based physical line where the row starts. A row whose column count differs from the header's, or with bad
/// quoting, is a <see cref="SourceParseFailure"/> carrying the row's bytes; reading goes on with the next row.
/// Empty lines are skipped. A quote that is never closed runs to the end of the payload, which is then one failure.
/// </summary>
public sealed class CsvFormat : ISourceFormat
{
    /// <summary>The option naming the field delimiter.</summary>
    public const string DelimiterOption = "delimiter";

    /// <summary>The option naming the culture (e.g. <c>de-DE</c>).</summary>
    public const string CultureOption = "culture";

    /// <inheritdoc />
    public string Name => "csv";

    /// <summary>Checks format options; null when they are usable, else what is wrong.</summary>
    public static string? ValidateOptions(IReadOnlyDictionary<string, string> options) => TryOptions(options, out _, out var problem) ? null : problem;

    /// <inheritdoc />
    public IEnumerable<SourceReadResult> Read(ReadOnlyMemory<byte> payload, string location, IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(options);
        if (!TryOptions(options, out var readerOptions, out var problem))
            return [Failure(location, 1, payload, problem)];
        return ReadRows(payload, location, readerOptions!);
    }

    private static IEnumerable<SourceReadResult> ReadRows(ReadOnlyMemory<byte> payload, string location, CsvReaderOptions baseOptions)
    {
        var malformed = new Queue<SourceReadResult>();
        var options = baseOptions with
        {
            OnMalformedRecord = m => malformed.Enqueue(Failure(location, m.LineNumber, System.Text.Encoding.UTF8.GetBytes(m.RawRecord), Describe(m))),
        };
        using var reader = CsvReader.Create(payload.ToArray(), options);
        IReadOnlyList<string> header;
        string? fatal = null;
        try
        {
            header = reader.Headers.Select(h => h.Trim()).ToArray();
        }
        catch (CsvFormatException exception)
        {
            header = [];
            fatal = $"line 1: the header row cannot be read ({exception.Message}); no row can be read without a header.";
        }
        if (fatal is not null)
        {
            yield return Failure(location, 1, payload, fatal);
            yield break;
        }

        while (true)
        {
            bool more;
            SourceReadResult? current = null;
            try
            {
                more = reader.Read();
                if (more)
                {
                    var fields = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToArray();
                    current = SourceReadResult.Parsed(new SourceRecord
                    {
                        Position = new SourcePosition(location, reader.LineNumber), Raw = reader.RawRecord.ToArray(), Document = new CsvSourceDocument(header, fields),
                    });
                }
            }
            catch (CsvFormatException exception)
            {
                more = false;
                var line = exception.LineNumber > 0 ? exception.LineNumber : 1;
                var offset = (int)Math.Clamp(exception.ByteOffset, 0, payload.Length);
                malformed.Enqueue(Failure(location, line, payload[offset..], $"line {line}: the rest of the file cannot be read ({exception.Message})."));
            }
            while (malformed.Count > 0)
                yield return malformed.Dequeue();
            if (!more)
                yield break;
            yield return current!;
        }
    }

    private static string Describe(CsvMalformedRecord record) => record.Reason switch
    {
        CsvMalformedReason.FieldCountMismatch => $"line {record.LineNumber}: the row's column count differs from the header's.",
        CsvMalformedReason.UnterminatedQuote => $"line {record.LineNumber}: a quoted field is never closed; the rest of the file is part of this row.",
        _ => $"line {record.LineNumber}: bad quoting ({record.Reason}).",
    };

    private static bool TryOptions(IReadOnlyDictionary<string, string> options, out CsvReaderOptions? readerOptions, out string problem)
    {
        readerOptions = null;
        problem = string.Empty;
        IFormatProvider culture = CultureInfo.InvariantCulture;
        foreach (var key in options.Keys)
            if (key is not (DelimiterOption or CultureOption))
            {
                problem = $"CSV option '{key}' is unknown; the CSV format takes '{DelimiterOption}' and '{CultureOption}'.";
                return false;
            }
        if (options.TryGetValue(CultureOption, out var cultureName))
        {
            try
            {
                culture = CultureInfo.GetCultureInfo(cultureName, predefinedOnly: true);
            }
            catch (CultureNotFoundException)
            {
                problem = $"CSV option culture '{cultureName}' is not a known culture; use a name such as 'de-DE'.";
                return false;
            }
        }
        var delimiter = options.TryGetValue(DelimiterOption, out var d) ? (d == "\\t" ? "\t" : d) : ",";
        if (delimiter.Length != 1 || !char.IsAscii(delimiter[0]) || delimiter[0] is '"' or '\r' or '\n')
        {
            problem = $"CSV option delimiter '{delimiter}' is not usable: give one ASCII character other than quote and line break, e.g. ';' or '\\t'.";
            return false;
        }
        readerOptions = CsvReaderOptions.Default with
        {
            Separator = delimiter[0],
            HasHeader = true,
            Mode = CsvMode.Rfc4180,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            TrimWhitespace = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            FormatProvider = culture,
            PoolStrings = false,
        };
        return true;
    }

    private static SourceReadResult Failure(string location, long line, ReadOnlyMemory<byte> raw, string message) =>
        SourceReadResult.Unparseable(new SourceParseFailure(new SourcePosition(location, Math.Max(line, 1)), raw, message));
}
