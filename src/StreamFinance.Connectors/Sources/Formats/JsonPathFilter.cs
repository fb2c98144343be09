using System.Globalization;
using System.Text.Json;

namespace StreamFinance.Connectors.Sources.Formats;

/// <summary>
/// A filter step of a <see cref="JsonPath"/>, <c>[?(@.category_info.external_id=='cost_center')]</c>: keeps the array
/// elements whose value at the relative path (<c>@</c>, then steps as in a path) compares as written. <c>==</c> needs
/// the same JSON type and value (numbers compared as decimals, strings ordinally); <c>!=</c> is its negation, so an
/// element without the value passes <c>!=</c>. Without a comparison, <c>[?(@.a)]</c> keeps elements where <c>a</c> is
/// present and not null.
/// </summary>
internal sealed class JsonPathFilter
{
    private readonly IReadOnlyList<object> operand;
    private readonly bool? equal;
    private readonly JsonElement literal;

    private JsonPathFilter(IReadOnlyList<object> operand, bool? equal, JsonElement literal) => (this.operand, this.equal, this.literal) = (operand, equal, literal);

    /// <summary>The index of the <c>]</c> closing the filter that opens at <paramref name="open"/> (its <c>[</c>).</summary>
    public static int End(string path, string text, int open)
    {
        char? quote = null;
        for (var i = open + 2; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\')
                    i++;
                else if (c == quote)
                    quote = null;
            }
            else if (c is '\'' or '"')
                quote = c;
            else if (c == ']' && text[i - 1] == ')')
                return i;
        }
        throw new FormatException($"JSON path '{path}' has a filter at position {open} without its closing ')]', e.g. [?(@.type=='x')].");
    }

    /// <summary>Parses the filter text between <c>[?</c> and <c>]</c>, e.g. <c>(@.a.b=='x')</c>.</summary>
    public static JsonPathFilter Parse(string path, string text)
    {
        FormatException Bad(string problem) => new($"JSON path '{path}' has a bad filter '[?{text}]': {problem}; write e.g. [?(@.category_info.external_id=='cost_center')].");
        if (text.Length < 3 || text[0] != '(' || text[^1] != ')' || text[1] != '@')
            throw Bad("a filter is (@.path), (@.path == value) or (@.path != value)");
        var body = text[2..^1];
        var op = IndexOfOperator(body);
        var left = (op < 0 ? body : body[..op]).Trim();
        var operand = JsonPath.ParseSteps(path, left, 0);
        if (operand.Any(s => s is JsonPathFilter))
            throw Bad("filters do not nest");
        if (op < 0)
            return new JsonPathFilter(operand, null, default);
        var right = body[(op + 2)..].Trim();
        return new JsonPathFilter(operand, body[op] == '=', Literal(right) ?? throw Bad($"'{right}' is not a value: use 'text', \"text\", a number, true, false or null"));
    }

    /// <summary>Whether <paramref name="element"/> passes the filter.</summary>
    public bool Matches(JsonElement element)
    {
        var value = JsonPath.Follow(element, operand);
        if (equal is null)
            return value is { ValueKind: not JsonValueKind.Null };
        return (value is { } v && Same(v, literal)) == equal.Value;
    }

    private static bool Same(JsonElement a, JsonElement b) => (a.ValueKind, b.ValueKind) switch
    {
        (JsonValueKind.String, JsonValueKind.String) => a.GetString() == b.GetString(),
        (JsonValueKind.Number, JsonValueKind.Number) => a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y) ? x == y : a.GetRawText() == b.GetRawText(),
        var (x, y) => x == y && x is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null,
    };

    private static int IndexOfOperator(string body)
    {
        char? quote = null;
        for (var i = 0; i + 1 < body.Length; i++)
        {
            var c = body[i];
            if (quote is not null)
            {
                if (c == quote)
                    quote = null;
            }
            else if (c is '\'' or '"')
                quote = c;
            else if ((c == '=' || c == '!') && body[i + 1] == '=')
                return i;
        }
        return -1;
    }

    private static JsonElement? Literal(string text)
    {
        if (text.Length >= 2 && text[0] == '\'' && text[^1] == '\'')
            text = JsonSerializer.Serialize(text[1..^1].Replace("\\'", "'", StringComparison.Ordinal));
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? null : document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"filter {(equal is null ? "exists" : equal.Value ? "==" : "!=")}");
}
