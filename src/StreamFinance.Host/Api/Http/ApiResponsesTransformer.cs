using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// Says what each error answer of an operation means, and gives the ones every operation shares their details: 503
/// carries <c>Retry-After</c> and the store's name and state (<see cref="StoreUnavailableSchema"/>), 401 carries
/// <c>WWW-Authenticate</c>. Which statuses an operation lists comes from its endpoint metadata (<c>ProducesProblem</c>).
/// </summary>
internal sealed class ApiResponsesTransformer : IOpenApiOperationTransformer
{
    /// <summary>Component name of the 503 problem.</summary>
    public const string StoreUnavailableSchema = "StoreUnavailableProblem";

    private static readonly Dictionary<string, string> Meanings = new(StringComparer.Ordinal)
    {
        ["400"] = $"The request is malformed: `errors` names each field at fault (`{JsonBodyParser.WholeBody}` for the body as a whole) and `detail` says what to send.",
        ["401"] = $"The instance requires an API key (`Api:ApiKey`) and the `{ValidationApiOptions.ApiKeyHeader}` header is missing or wrong.",
        ["404"] = "Nothing is in force for the id on the date, or there is no rate within the fallback: `detail` says which.",
        ["413"] = $"The body is larger than {JsonBodyReader.MaxBodyBytes} bytes.",
        ["415"] = "The body is not sent as JSON (`application/json` or a `+json` media type).",
        ["500"] = "The request failed on the server: `detail` gives the trace id, and the server's log has the cause.",
        ["503"] = "The master-data store is not queryable yet (restoring from md.history) or any more (stopping): retry after `Retry-After` seconds.",
    };

    /// <inheritdoc />
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse answer)
                continue;
            if (Meanings.TryGetValue(status, out var meaning))
                answer.Description = meaning;
            else if (status == "200" && answer.Description is null or "OK")
                answer.Description = operation.Summary;
            if (status == "503")
                DescribeUnavailable(answer, context.Document!);
            else if (status == "401")
                (answer.Headers ??= new Dictionary<string, IOpenApiHeader>())["WWW-Authenticate"] = new OpenApiHeader
                {
                    Description = $"`ApiKey header=\"{ValidationApiOptions.ApiKeyHeader}\"`: how to authenticate.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
        }
        if (operation.Responses is { Count: > 1 } responses)
        {
            // In status order, as a reader looks for them (metadata of the group comes before the endpoint's own).
            var ordered = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
            responses.Clear();
            foreach (var (status, response) in ordered)
                responses[status] = response;
        }
        return Task.CompletedTask;
    }

    private static void DescribeUnavailable(OpenApiResponse answer, OpenApiDocument document)
    {
        (answer.Headers ??= new Dictionary<string, IOpenApiHeader>())["Retry-After"] = new OpenApiHeader
        {
            Description = "Seconds to wait before retrying (`Api:RetryAfterSeconds`).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" },
        };
        document.Components ??= new OpenApiComponents();
        var schemas = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!schemas.ContainsKey(StoreUnavailableSchema))
            schemas[StoreUnavailableSchema] = new OpenApiSchema
            {
                Description = "A problem that also names the store that cannot be read, its topology and the topology's state.",
                AllOf =
                [
                    new OpenApiSchemaReference(nameof(Microsoft.AspNetCore.Mvc.ProblemDetails), document),
                    new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "store", "topology", "state" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["store"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The state store, e.g. validation.md-history." },
                            ["topology"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The topology that owns it." },
                            ["state"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The topology's state, e.g. REBALANCING." },
                        },
                    },
                ],
            };
        foreach (var media in answer.Content?.Values ?? [])
            media.Schema = new OpenApiSchemaReference(StoreUnavailableSchema, document);
    }
}
