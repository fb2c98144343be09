using System.Text.Json;

namespace StreamFinance.Connectors.Sources.Formats;

/// <summary>
/// JSON Lines: one JSON object per line, name <c>jsonl</c>, no options. Blank lines are skipped; a line that is not a
/// JSON object is a <see cref="SourceParseFailure"/> with the line's bytes, and reading goes on with the next line.
/// Positions are 1-based physical line numbers.
/// </summary>
public sealed class JsonLinesFormat : ISourceFormat
{
    /// <inheritdoc />
    public string Name => "jsonl";

    /// <inheritdoc />
    public IEnumerable<SourceReadResult> Read(ReadOnlyMemory<byte> payload, string location, IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(location);
        return ReadLines(payload, location);
    }

    private static IEnumerable<SourceReadResult> ReadLines(ReadOnlyMemory<byte> payload, string location)
    {
        var start = payload.Span.StartsWith("\uFEFF"u8) ? 3 : 0;
        long line = 0;
        while (start <= payload.Length)
        {
            line++;
            var newline = payload.Span[start..].IndexOf((byte)'\n');
            var end = newline < 0 ? payload.Length : start + newline;
            var raw = payload[start..end];
            if (!raw.IsEmpty && raw.Span[^1] == (byte)'\r')
                raw = raw[..^1];
            start = end + 1;
            if (IsBlank(raw.Span))
                continue;
            yield return ParseLine(raw, new SourcePosition(location, line));
        }
    }

    private static SourceReadResult ParseLine(ReadOnlyMemory<byte> raw, SourcePosition position)
    {
        try
        {
            var document = JsonSourceDocument.Parse(raw);
            if (document.Root.ValueKind != JsonValueKind.Object)
                return SourceReadResult.Unparseable(new SourceParseFailure(position, raw, $"line {position.Line}: a JSON {document.Root.ValueKind.ToString().ToLowerInvariant()}, not an object."));
            if (JsonSourceDocument.MayHoldUnreadableStrings(raw.Span) && JsonSourceDocument.UnreadableString(document.Root) is { } unreadable)
                return SourceReadResult.Unparseable(new SourceParseFailure(position, raw, $"line {position.Line} has {unreadable}."));
            return SourceReadResult.Parsed(new SourceRecord { Position = position, Raw = raw, Document = document });
        }
        catch (JsonException exception)
        {
            return SourceReadResult.Unparseable(new SourceParseFailure(position, raw, $"line {position.Line}: not valid JSON ({exception.Message})."));
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> raw)
    {
        foreach (var b in raw)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
                return false;
        return true;
    }
}
