using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace StreamFinance.Embedded.SchemaRegistry.Internals.Http;

/// <summary>
/// <c>POST /compatibility/subjects/{subject}/versions/{version}</c>: tests a schema without registering it.
/// Replies <c>{"is_compatible":bool}</c>, plus <c>messages</c> when <c>verbose=true</c>.
/// </summary>
internal static class CompatibilityEndpoints
{
    public static void MapCompatibility(this WebApplication app, SchemaRegistryStore store)
    {
        app.MapPost("/compatibility/subjects/{subject}/versions/{version}", async (string subject, string version, HttpRequest request) =>
        {
            var problems = store.TestCompatibility(subject, version, await SchemaRequestBody.ReadAsync(request));
            var body = new Dictionary<string, object> { ["is_compatible"] = problems.Count == 0 };
            if (QueryFlags.Read(request, "verbose"))
            {
                body["messages"] = problems;
            }

            return RegistryResponse.Ok(body);
        });
    }
}
