using System.Text.Json;

namespace StreamFinance.Connectors.Rest;

/// <summary>Reads paging fields from a JSON page body.</summary>
public static class RestPage
{
    /// <summary>The first non-empty string or number found at one of <paramref name="paths"/> (dotted, e.g. <c>page.next</c>), or null; null too when the body is not JSON.</summary>
    public static string? Find(ReadOnlyMemory<byte> body, IEnumerable<string> paths)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            foreach (var path in paths)
            {
                var element = document.RootElement;
                var found = true;
                foreach (var part in path.Split('.'))
                {
                    if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element))
                    {
                        found = false;
                        break;
                    }
                }

                if (found && element.ValueKind is JsonValueKind.String or JsonValueKind.Number && element.ToString() is { Length: > 0 } value)
                    return value;
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
