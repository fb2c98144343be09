using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace StreamFinance.Embedded.SchemaRegistry.Internals.Http;

/// <summary>A JSON reply with Schema Registry's content type, <c>application/vnd.schemaregistry.v1+json</c>.</summary>
internal sealed class RegistryResponse(int status, object body) : IResult
{
    public const string ContentType = "application/vnd.schemaregistry.v1+json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    public static RegistryResponse Ok(object body) => new(StatusCodes.Status200OK, body);

    public static RegistryResponse Error(int status, int errorCode, string message) =>
        new(status, new Dictionary<string, object> { ["error_code"] = errorCode, ["message"] = message });

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = ContentType;
        await JsonSerializer.SerializeAsync(httpContext.Response.Body, body, body.GetType(), Options, httpContext.RequestAborted);
    }
}
