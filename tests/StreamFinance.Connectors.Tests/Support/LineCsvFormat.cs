using System.Text;
using StreamFinance.Connectors.Sources;

namespace StreamFinance.Connectors.Tests.Support;

/// <summary>A minimal CSV format double (comma-separated, first line the header, no quoting) until the real formats are merged.</summary>
public sealed class LineCsvFormat : ISourceFormat
{
    public string Name => "csv";

    public IEnumerable<SourceReadResult> Read(ReadOnlyMemory<byte> payload, string location, IReadOnlyDictionary<string, string> options)
    {
        var lines = Encoding.UTF8.GetString(payload.Span).Split('\n');
        var header = lines[0].TrimEnd('\r').Split(',');
        for (var i = 1; i < lines.Length; i++)
        {
            var text = lines[i].TrimEnd('\r');
            if (text.Length == 0)
                continue;
            var position = new SourcePosition(location, i + 1);
            var cells = text.Split(',');
            if (cells.Length != header.Length)
            {
                yield return SourceReadResult.Unparseable(new SourceParseFailure(position, Encoding.UTF8.GetBytes(text), $"line {i + 1}: {cells.Length} columns, the header has {header.Length}"));
                continue;
            }

            yield return SourceReadResult.Parsed(new SourceRecord { Position = position, Raw = Encoding.UTF8.GetBytes(text), Document = new RowDocument(header, cells) });
        }
    }

    private sealed class RowDocument(string[] header, string[] cells) : ISourceDocument
    {
        public string? Value(string path)
        {
            var i = Array.IndexOf(header, path.TrimStart('$', '.'));
            return i < 0 || cells[i].Length == 0 ? null : cells[i];
        }

        public IReadOnlyList<ISourceDocument> Items(string path) => [];
    }
}
