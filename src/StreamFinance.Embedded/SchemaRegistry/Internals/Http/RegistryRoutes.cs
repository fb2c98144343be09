using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace StreamFinance.Embedded.SchemaRegistry.Internals.Http;

/// <summary>Wires every Schema Registry route, the error handling and the 404 fallback onto the app.</summary>
internal static class RegistryRoutes
{
    public static void MapSchemaRegistry(this WebApplication app, SchemaRegistryStore store)
    {
        app.UseRegistryErrors();
        app.MapGet("/", () => RegistryResponse.Ok(new Dictionary<string, object>()));
        app.MapSubjects(store);
        app.MapSchemas(store);
        app.MapCompatibility(store);
        app.MapConfig(store);

        // Confluent's 2.16 client tries associations first for SubjectNameStrategy.Associated and falls back on 404.
        app.MapGet("/associations/{**rest}", (HttpContext context) =>
            RegistryResponse.Error(StatusCodes.Status404NotFound, 404,
                $"HTTP 404 Not Found: the embedded Schema Registry has no associations ({context.Request.Path})."));
        app.MapFallback((HttpContext context) => RegistryErrorHandling.NotFoundPath(context));
    }
}
