using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// Documents an operation's JSON body. Not with <c>Accepts</c> metadata: routing would then answer a body of another
/// media type itself, 415 without a problem body, before <see cref="JsonBodyReader"/> can say what to send.
/// </summary>
internal static class ApiRequestBodies
{
    /// <summary>Makes a <typeparamref name="T"/> in <c>application/json</c> the required body of <paramref name="operation"/>.</summary>
    public static async Task DescribeAsync<T>(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var document = context.Document!;
        var id = typeof(T).Name;
        document.Components ??= new OpenApiComponents();
        var schemas = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!schemas.ContainsKey(id))
            schemas[id] = await context.GetOrCreateSchemaAsync(typeof(T), parameterDescription: null, ct);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchemaReference(id, document) } },
        };
    }
}
