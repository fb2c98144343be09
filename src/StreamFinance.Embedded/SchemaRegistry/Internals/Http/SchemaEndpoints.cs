using Microsoft.AspNetCore.Builder;

namespace StreamFinance.Embedded.SchemaRegistry.Internals.Http;

/// <summary>The <c>/schemas</c> resource: schemas by global id or guid, and where an id is used.</summary>
internal static class SchemaEndpoints
{
    public static void MapSchemas(this WebApplication app, SchemaRegistryStore store)
    {
        // The optional ?subject= and ?format= parameters do not change the answer for AVRO without contexts.
        app.MapGet("/schemas/ids/{id:int}", (int id) =>
            RegistryResponse.Ok(new Dictionary<string, object> { ["schema"] = store.GetSchemaById(id).SchemaString }));

        app.MapGet("/schemas/ids/{id:int}/versions", (int id) =>
            RegistryResponse.Ok(store.GetSubjectVersionsById(id)
                .Select(v => new Dictionary<string, object> { ["subject"] = v.Subject, ["version"] = v.Version })
                .ToArray()));

        app.MapGet("/schemas/ids/{id:int}/subjects", (int id) =>
            RegistryResponse.Ok(store.GetSubjectVersionsById(id).Select(v => v.Subject).Distinct().ToArray()));

        app.MapGet("/schemas/guids/{guid}", (string guid) =>
            RegistryResponse.Ok(new Dictionary<string, object> { ["schema"] = store.GetSchemaByGuid(guid).SchemaString }));
    }
}
