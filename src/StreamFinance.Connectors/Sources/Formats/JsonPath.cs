using System.Text;
using System.Text.Json;

namespace StreamFinance.Connectors.Sources.Formats;

/// <summary>
/// A parsed JSON path relative to one record: <c>$</c> (the record itself), <c>$.a.b</c>, <c>$.a[0].b</c>,
/// <c>$['x y']</c> or <c>$["x y"]</c>. Only member names and array indexes; no wildcards, filters or recursion.
/// </summary>
public sealed class JsonPath
{
    private readonly IReadOnlyList<object> steps;

    private JsonPath(string text, IReadOnlyList<object> steps) => (Text, this.steps) = (text, steps);

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">The path does not start with <c>$</c> or a step is malformed; the message says where.</exception>
    public static JsonPath Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path[0] != '$')
            throw new FormatException($"JSON path '{path}' must start with '$' (the record), e.g. '$.amount.value'.");
        var steps = new List<object>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var start = ++i;
                while (i < path.Length && path[i] != '.' && path[i] != '[')
                    i++;
                if (i == start)
                    throw new FormatException($"JSON path '{path}' has an empty member name at position {start}.");
                steps.Add(path[start..i]);
            }
            else if (path[i] == '[')
            {
                i++;
                if (i < path.Length && (path[i] == '\'' || path[i] == '"'))
                {
                    var quote = path[i];
                    var name = new StringBuilder();
                    i++;
                    while (i < path.Length && path[i] != quote)
                    {
                        if (path[i] == '\\' && i + 1 < path.Length)
                            i++;
                        name.Append(path[i++]);
                    }
                    if (i + 1 >= path.Length || path[i + 1] != ']')
                        throw new FormatException($"JSON path '{path}' has an unterminated quoted member name.");
                    steps.Add(name.ToString());
                    i += 2;
                }
                else
                {
                    var start = i;
                    while (i < path.Length && char.IsAsciiDigit(path[i]))
                        i++;
                    if (i == start || i >= path.Length || path[i] != ']')
                        throw new FormatException($"JSON path '{path}' has a bad index at position {start}: use [0], [1], ... or ['name'].");
                    steps.Add(int.Parse(path.AsSpan(start, i - start), System.Globalization.CultureInfo.InvariantCulture));
                    i++;
                }
            }
            else
            {
                throw new FormatException($"JSON path '{path}' has an unexpected '{path[i]}' at position {i}: steps are '.name', '[0]' or ['name'].");
            }
        }
        return new JsonPath(path, steps);
    }

    /// <summary>The element at this path below <paramref name="root"/>, or null when a step is absent.</summary>
    public JsonElement? Resolve(JsonElement root)
    {
        var current = root;
        foreach (var step in steps)
        {
            if (step is string name)
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out var next))
                    return null;
                current = next;
            }
            else
            {
                var index = (int)step;
                if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength())
                    return null;
                current = current[index];
            }
        }
        return current;
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
