using System.Text.Json;
using Confluent.SchemaRegistry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace StreamFinance.Embedded.SchemaRegistry.Internals.Http;

/// <summary>
/// <c>/config</c> and <c>/config/{subject}</c>: compatibility levels. Replies carry the level under both
/// <c>compatibility</c> and <c>compatibilityLevel</c>, because Confluent's .NET client reads one name on GET and the other on PUT.
/// </summary>
internal static class ConfigEndpoints
{
    public static void MapConfig(this WebApplication app, SchemaRegistryStore store)
    {
        app.MapGet("/config", () => Level(store.GetCompatibility()));

        app.MapPut("/config", async (HttpRequest request) =>
            Level(store.SetCompatibility(await ReadLevelAsync(request))));

        app.MapGet("/config/{subject}", (string subject, HttpRequest request) =>
            Level(store.GetCompatibility(subject, QueryFlags.Read(request, "defaultToGlobal"))));

        app.MapPut("/config/{subject}", async (string subject, HttpRequest request) =>
            Level(store.SetCompatibility(await ReadLevelAsync(request), subject)));

        app.MapDelete("/config/{subject}", (string subject) => Level(store.DeleteCompatibility(subject)));
    }

    private static RegistryResponse Level(Compatibility level)
    {
        var name = CompatibilityLevelNames.ToWireName(level);
        return RegistryResponse.Ok(new Dictionary<string, object> { ["compatibility"] = name, ["compatibilityLevel"] = name });
    }

    private static async Task<Compatibility> ReadLevelAsync(HttpRequest request)
    {
        string? name = null;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            foreach (var property in new[] { "compatibility", "compatibilityLevel" })
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty(property, out var value)
                    && value.ValueKind == JsonValueKind.String)
                {
                    name = value.GetString();
                    break;
                }
            }
        }
        catch (JsonException e)
        {
            throw RegistryErrorHandling.BadRequest($"The request body is not valid JSON: {e.Message}");
        }

        return CompatibilityLevelNames.TryParse(name, out var level)
            ? level
            : throw SchemaRegistryStoreException.InvalidCompatibilityLevel(name);
    }
}
