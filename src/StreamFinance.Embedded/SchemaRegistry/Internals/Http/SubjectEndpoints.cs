using Confluent.SchemaRegistry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace StreamFinance.Embedded.SchemaRegistry.Internals.Http;

/// <summary>The <c>/subjects</c> resource: register, look up, list, read versions, soft-delete.</summary>
internal static class SubjectEndpoints
{
    public static void MapSubjects(this WebApplication app, SchemaRegistryStore store)
    {
        app.MapGet("/subjects", (HttpRequest request) =>
            RegistryResponse.Ok(store.GetSubjects(QueryFlags.Read(request, "deleted"))));

        app.MapPost("/subjects/{subject}/versions", async (string subject, HttpRequest request) =>
        {
            var normalize = QueryFlags.Read(request, "normalize");
            var registered = store.Register(subject, await SchemaRequestBody.ReadAsync(request), normalize);
            return RegistryResponse.Ok(new Dictionary<string, object> { ["id"] = registered.Id });
        });

        app.MapPost("/subjects/{subject}", async (string subject, HttpRequest request) =>
        {
            _ = QueryFlags.Read(request, "normalize");
            var found = store.Lookup(subject, await SchemaRequestBody.ReadAsync(request), QueryFlags.Read(request, "deleted"));
            return RegistryResponse.Ok(Describe(found));
        });

        app.MapGet("/subjects/{subject}/versions", (string subject, HttpRequest request) =>
            RegistryResponse.Ok(store.GetVersions(subject, QueryFlags.Read(request, "deleted"))));

        app.MapGet("/subjects/{subject}/versions/{version}", (string subject, string version, HttpRequest request) =>
            RegistryResponse.Ok(Describe(store.GetVersion(subject, version, QueryFlags.Read(request, "deleted")))));

        app.MapGet("/subjects/{subject}/versions/{version}/schema", (string subject, string version, HttpRequest request) =>
            Results.Text(store.GetVersion(subject, version, QueryFlags.Read(request, "deleted")).SchemaString,
                RegistryResponse.ContentType));

        app.MapDelete("/subjects/{subject}", (string subject, HttpRequest request) =>
        {
            if (QueryFlags.Read(request, "permanent"))
            {
                throw RegistryErrorHandling.BadRequest(
                    "Permanent deletion is not supported by the embedded Schema Registry; restart it for a clean state.");
            }

            return RegistryResponse.Ok(store.DeleteSubject(subject));
        });
    }

    /// <summary>The shape Confluent returns for one subject version; <c>schemaType</c> is omitted for AVRO, as Confluent does.</summary>
    public static Dictionary<string, object> Describe(RegisteredSchema schema) => new()
    {
        ["subject"] = schema.Subject,
        ["version"] = schema.Version,
        ["id"] = schema.Id,
        ["guid"] = schema.Guid,
        ["schema"] = schema.SchemaString,
    };
}
