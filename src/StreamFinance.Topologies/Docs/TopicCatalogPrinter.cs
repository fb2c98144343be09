using System.Globalization;
using System.Text;
using StreamFinance.Contracts.Catalog;

namespace StreamFinance.Topologies.Docs;

/// <summary>
/// Renders the topic catalog for people: a console table for <c>topics list</c>, or Markdown for the README and
/// the topology docs index. Lines end with <c>\n</c> on every platform, so generated files compare equal everywhere.
/// </summary>
public static class TopicCatalogPrinter
{
    /// <summary>Fixed-width table for the console.</summary>
    public static string Table(IEnumerable<TopicSpec> topics)
    {
        var rows = topics.Select(Row).ToList();
        string[] header = ["topic", "key", "value schema", "partitions", "cleanup", "retention"];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        var sb = new StringBuilder();
        void Line(string[] cells) => sb.Append(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd()).Append('\n');
        Line(header);
        Line(widths.Select(w => new string('-', w)).ToArray());
        rows.ForEach(Line);
        return sb.ToString();
    }

    /// <summary>Markdown table with writers and readers, as in the README.</summary>
    public static string Markdown(IEnumerable<TopicSpec> topics)
    {
        var sb = new StringBuilder();
        sb.Append("| Topic | Key | Value schema | Partitions | Cleanup | Retention | Written by | Read by |\n");
        sb.Append("|---|---|---|---|---|---|---|---|\n");
        foreach (var t in topics)
        {
            var r = Row(t);
            sb.Append(CultureInfo.InvariantCulture, $"| `{r[0]}` | {r[1]} | `{r[2]}` | {r[3]} | {r[4]} | {r[5]} | {t.Writers} | {t.Readers} |\n");
        }
        return sb.ToString();
    }

    private static string Retention(TimeSpan? retention) => retention switch
    {
        null => "forever",
        { TotalDays: >= 1 } r when r.TotalDays % 1 == 0 => string.Create(CultureInfo.InvariantCulture, $"{r.TotalDays:0} days"),
        { } r => string.Create(CultureInfo.InvariantCulture, $"{r.TotalHours:0.#} hours"),
    };

    private static string[] Row(TopicSpec t) =>
    [
        t.Name,
        t.KeyDescription,
        t.ValueType.Name,
        t.Partitions.ToString(CultureInfo.InvariantCulture),
        t.Cleanup.ToString().ToLowerInvariant(),
        Retention(t.Retention),
    ];
}
