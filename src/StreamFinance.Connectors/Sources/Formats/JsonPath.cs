using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StreamFinance.Connectors.Sources.Formats;

/// <summary>
/// A parsed JSON path relative to one record: <c>$</c> (the record itself), <c>$.a.b</c>, <c>$.a[0].b</c>,
/// <c>$['x y']</c> or <c>$["x y"]</c>, and filters over arrays of objects: <c>$.a[?(@.b.c=='x')].d</c> selects the
/// elements of <c>a</c> whose <c>b.c</c> is <c>'x'</c> (<see cref="JsonPathFilter"/>: <c>==</c> or <c>!=</c> with a
/// quoted string, a number, <c>true</c>, <c>false</c> or <c>null</c>; or <c>[?(@.b)]</c>, elements where <c>b</c> is
/// present and not null). No wildcards or recursion.
/// </summary>
public sealed class JsonPath
{
    private readonly IReadOnlyList<object> steps;

    private JsonPath(string text, IReadOnlyList<object> steps) => (Text, this.steps) = (text, steps);

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>Whether the path has a filter step, so it can select more than one element.</summary>
    public bool HasFilter => steps.Any(s => s is JsonPathFilter);

    /// <summary>Parses <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">The path does not start with <c>$</c> or a step is malformed; the message says where.</exception>
    public static JsonPath Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path[0] != '$')
            throw new FormatException($"JSON path '{path}' must start with '$' (the record), e.g. '$.amount.value'.");
        return new JsonPath(path, ParseSteps(path, path, 1));
    }

    /// <summary>The steps of <paramref name="text"/> from <paramref name="start"/>; <paramref name="path"/> names the whole path in errors.</summary>
    internal static List<object> ParseSteps(string path, string text, int start)
    {
        var steps = new List<object>();
        var i = start;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var from = ++i;
                while (i < text.Length && text[i] != '.' && text[i] != '[')
                    i++;
                if (i == from)
                    throw new FormatException($"JSON path '{path}' has an empty member name at position {from}.");
                steps.Add(text[from..i]);
            }
            else if (text[i] == '[' && i + 1 < text.Length && text[i + 1] == '?')
            {
                var end = JsonPathFilter.End(path, text, i);
                steps.Add(JsonPathFilter.Parse(path, text[(i + 2)..end]));
                i = end + 1;
            }
            else if (text[i] == '[')
            {
                i++;
                if (i < text.Length && (text[i] == '\'' || text[i] == '"'))
                {
                    var quote = text[i];
                    var name = new StringBuilder();
                    i++;
                    while (i < text.Length && text[i] != quote)
                    {
                        if (text[i] == '\\' && i + 1 < text.Length)
                            i++;
                        name.Append(text[i++]);
                    }
                    if (i + 1 >= text.Length || text[i + 1] != ']')
                        throw new FormatException($"JSON path '{path}' has an unterminated quoted member name.");
                    steps.Add(name.ToString());
                    i += 2;
                }
                else
                {
                    var from = i;
                    while (i < text.Length && char.IsAsciiDigit(text[i]))
                        i++;
                    if (i == from || i >= text.Length || text[i] != ']')
                        throw new FormatException($"JSON path '{path}' has a bad index at position {from}: use [0], [1], ... ['name'] or a filter [?(@.a=='x')].");
                    steps.Add(int.Parse(text.AsSpan(from, i - from), CultureInfo.InvariantCulture));
                    i++;
                }
            }
            else
            {
                throw new FormatException($"JSON path '{path}' has an unexpected '{text[i]}' at position {i}: steps are '.name', '[0]', ['name'] or [?(@.a=='x')].");
            }
        }
        return steps;
    }

    /// <summary>The first element at this path below <paramref name="root"/> (in document order), or null when there is none.</summary>
    public JsonElement? Resolve(JsonElement root)
    {
        foreach (var element in ResolveAll(root))
            return element;
        return null;
    }

    /// <summary>Every element at this path below <paramref name="root"/>, in document order: one at most unless the path has a filter.</summary>
    public IEnumerable<JsonElement> ResolveAll(JsonElement root) => Walk(root, 0);

    private IEnumerable<JsonElement> Walk(JsonElement current, int index)
    {
        if (index == steps.Count)
        {
            yield return current;
            yield break;
        }
        switch (steps[index])
        {
            case string name:
                if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(name, out var member))
                    foreach (var found in Walk(member, index + 1))
                        yield return found;
                break;
            case int position:
                if (current.ValueKind == JsonValueKind.Array && position < current.GetArrayLength())
                    foreach (var found in Walk(current[position], index + 1))
                        yield return found;
                break;
            case JsonPathFilter filter:
                if (current.ValueKind != JsonValueKind.Array)
                    break;
                foreach (var element in current.EnumerateArray())
                    if (filter.Matches(element))
                        foreach (var found in Walk(element, index + 1))
                            yield return found;
                break;
        }
    }

    /// <summary>The element at <paramref name="steps"/> below <paramref name="root"/> without filters, for filter operands.</summary>
    internal static JsonElement? Follow(JsonElement root, IReadOnlyList<object> steps) => new JsonPath(string.Empty, steps).Resolve(root);

    /// <inheritdoc />
    public override string ToString() => Text;
}
