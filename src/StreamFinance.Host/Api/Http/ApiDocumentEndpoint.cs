using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// <c>GET /openapi/v1.json</c>: the API's OpenAPI document (<see cref="ApiDocumentSetup"/>), generated at its first
/// request and then served as the same bytes, so no request pays for reflection or schema generation twice. It is on the
/// API's listener behind the same middleware, so an instance with an API key requires the key for it too.
/// </summary>
internal static class ApiDocumentEndpoint
{
    /// <summary>Path of the document.</summary>
    public const string Path = "/openapi/" + ApiDocumentSetup.DocumentName + ".json";

    /// <summary>Maps the document on <paramref name="app"/>.</summary>
    public static void Map(WebApplication app)
    {
        // Generated once, on first use: endpoints are only known to the generator once the application has started.
        var json = new Lazy<Task<byte[]>>(() => GenerateAsync(app.Services), LazyThreadSafetyMode.ExecutionAndPublication);
        app.MapGet(Path, async context =>
        {
            var bytes = await json.Value;
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        });
    }

    private static async Task<byte[]> GenerateAsync(IServiceProvider services)
    {
        var document = await services.GetRequiredKeyedService<IOpenApiDocumentProvider>(ApiDocumentSetup.DocumentName).GetOpenApiDocumentAsync(CancellationToken.None);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        document.SerializeAsV31(new OpenApiJsonWriter(text));
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
