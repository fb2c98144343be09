using Microsoft.AspNetCore.Http;

namespace StreamFinance.Embedded.SchemaRegistry.Internals.Http;

/// <summary>Reads boolean query parameters; Confluent's .NET client sends <c>False</c>/<c>True</c>, so case is ignored.</summary>
internal static class QueryFlags
{
    public static bool Read(HttpRequest request, string name, bool fallback = false)
    {
        var raw = request.Query[name].ToString();
        if (string.IsNullOrEmpty(raw))
        {
            return fallback;
        }

        return bool.TryParse(raw, out var value)
            ? value
            : throw RegistryErrorHandling.BadRequest($"Query parameter '{name}' must be true or false, not '{raw}'.");
    }
}
