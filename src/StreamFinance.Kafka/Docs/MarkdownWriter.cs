using System.Text;

namespace StreamFinance.Kafka.Docs;

/// <summary>Writes Markdown with <c>\n</c> line ends on every platform, so generated pages compare byte for byte.</summary>
internal sealed class MarkdownWriter
{
    private readonly StringBuilder text = new();

    /// <summary>Appends one line.</summary>
    public MarkdownWriter Line(string line = "")
    {
        text.Append(line).Append('\n');
        return this;
    }

    /// <summary>Appends text that already ends its own lines, such as a rendered table.</summary>
    public MarkdownWriter Raw(string lines)
    {
        text.Append(lines);
        return this;
    }

    /// <summary>A heading, with the blank line after it.</summary>
    public MarkdownWriter Heading(int level, string title) => Line($"{new string('#', level)} {title}").Line();

    /// <summary>A table, or <paramref name="whenEmpty"/> as a paragraph when there are no rows; a blank line follows.</summary>
    public MarkdownWriter Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string whenEmpty)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return Line(whenEmpty).Line();
        }

        Line($"| {string.Join(" | ", header)} |");
        Line($"|{string.Concat(header.Select(_ => "---|"))}");
        list.ForEach(row => Line($"| {string.Join(" | ", row.Select(Cell))} |"));
        return Line();
    }

    /// <summary>Text in a code span.</summary>
    public static string Code(string text) => $"`{text}`";

    /// <inheritdoc />
    public override string ToString() => text.ToString();

    // A cell stays on its row: pipes are escaped and line breaks become spaces.
    private static string Cell(string value) =>
        value.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ');
}
