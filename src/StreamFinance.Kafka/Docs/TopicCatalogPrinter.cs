using System.Globalization;
using System.Text;
using StreamFinance.Contracts.Catalog;

namespace StreamFinance.Kafka.Docs;

/// <summary>
/// Renders the topic catalog with its usage for people: a console table for <c>topics list</c>, or Markdown for the
/// README and the topology docs index. Writers and readers come from <see cref="TopicUsage"/>, audiences from the
/// catalog's declaration. Lines end with <c>\n</c> on every platform, so generated files compare equal everywhere.
/// </summary>
public static class TopicCatalogPrinter
{
    /// <summary>The sentence that says what a planned topic is, printed under the console table.</summary>
    public const string PlannedNote = "Planned topics: nothing writes them yet, so topics apply, broker, demo and run do not create them.";

    /// <summary>Fixed-width table for the console: one row per topic, then its writers, readers and audiences indented below it.</summary>
    public static string Table(TopicUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var rows = usage.Catalog.Select(t => (Topic: t, Cells: Row(t).Append(usage.IsPlanned(t) ? "planned" : "in use").ToArray())).ToList();
        string[] header = ["topic", "key", "value schema", "partitions", "cleanup", "retention", "status"];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Select(r => r.Cells[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        var sb = new StringBuilder();
        void Line(string[] cells) => sb.Append(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd()).Append('\n');
        Line(header);
        Line(widths.Select(w => new string('-', w)).ToArray());
        foreach (var (topic, cells) in rows)
        {
            Line(cells);
            sb.Append("    written by: ").Append(usage.WrittenBy(topic)).Append('\n');
            sb.Append("    read by: ").Append(usage.ReadBy(topic)).Append('\n');
            if (topic.Audiences.Length > 0)
                sb.Append("    audiences: ").Append(topic.Audiences).Append('\n');
        }

        sb.Append('\n').Append(PlannedNote).Append('\n');
        return sb.ToString();
    }

    /// <summary>Markdown table with writers, readers and the declared audiences, as in the README.</summary>
    public static string Markdown(TopicUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var sb = new StringBuilder();
        sb.Append("| Topic | Key | Value schema | Partitions | Cleanup | Retention | Written by | Read by | Audiences (declared) |\n");
        sb.Append("|---|---|---|---|---|---|---|---|---|\n");
        foreach (var t in usage.Catalog)
        {
            var r = Row(t);
            sb.Append(CultureInfo.InvariantCulture, $"| `{r[0]}` | {r[1]} | `{r[2]}` | {r[3]} | {r[4]} | {r[5]} | {usage.WrittenBy(t)} | {usage.ReadBy(t)} | {t.Audiences} |\n");
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
