using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// Registers the API's OpenAPI 3.1 document <see cref="DocumentName"/>: the <c>/v1</c> operations as their endpoints
/// describe themselves (names, parameters, bodies, answers), schemas derived from the serializer's contracts and made
/// exact by <see cref="ApiSchemaTransformer"/>, error answers by <see cref="ApiResponsesTransformer"/>, and, when the
/// instance requires <see cref="ValidationApiOptions.ApiKey"/>, the <c>X-Api-Key</c> scheme and the 401 answers.
/// <see cref="ApiDocumentEndpoint"/> serves it.
/// </summary>
internal static class ApiDocumentSetup
{
    /// <summary>Name of the document, the <c>v1</c> of <c>/openapi/v1.json</c>.</summary>
    public const string DocumentName = "v1";

    /// <summary>Name of the API key's security scheme.</summary>
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>Tag of the master-data look-ups.</summary>
    public const string LookupTag = "Master data";

    /// <summary>Tag of the validations.</summary>
    public const string ValidationTag = "Validation";

    /// <summary>Tag of the audit trail.</summary>
    public const string AuditTag = "Audit";

    /// <summary>Tag of the procurement queries.</summary>
    public const string ProcurementTag = "Procurement";

    /// <summary>Adds the document's generator to <paramref name="services"/>.</summary>
    public static IServiceCollection AddApiDocument(this IServiceCollection services, ValidationApiOptions options) =>
        services.AddOpenApi(DocumentName, openApi =>
        {
            openApi.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            // Only the API: endpoints mapped beside it (a benchmark's baseline) are not part of the contract.
            openApi.ShouldInclude = description => description.RelativePath?.StartsWith(ValidationApiServer.Prefix.TrimStart('/') + "/", StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                Describe(document, options);
                return Task.CompletedTask;
            });
            openApi.AddSchemaTransformer<ApiSchemaTransformer>();
            openApi.AddOperationTransformer<ApiResponsesTransformer>();
        });

    private static void Describe(OpenApiDocument document, ValidationApiOptions options)
    {
        document.Info = new OpenApiInfo
        {
            Title = "StreamFinance validation API",
            Version = DocumentName,
            Description =
                "Real-time look-ups of the master data in force on a date and validations of expense coding and requisitions, answered " +
                "from the instance's own state store. Amounts and rates are exact decimals written as strings (`format: decimal`); " +
                "dates are `yyyy-MM-dd` (`format: date`); a look-up or validation without a date answers for today (UTC). Every error " +
                "is an RFC 9457 problem (`application/problem+json`) with a `traceId`." +
                (options.ApiKey is null
                    ? " This instance requires no API key."
                    : $" This instance requires its API key in the `{ValidationApiOptions.ApiKeyHeader}` header on every request, this document's included."),
        };
        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = LookupTag, Description = "The version of a master-data object, or the FX rate, in force on a date." },
            new() { Name = ValidationTag, Description = "Every rule a request breaks, with a stable reason code, field and message." },
            new() { Name = AuditTag, Description = "The recorded journey of a transaction, from the audit index." },
            new() { Name = ProcurementTag, Description = "Budget positions and purchase orders, from the procurement topology's stores." },
        };
        if (options.ApiKey is null)
            return;
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ValidationApiOptions.ApiKeyHeader,
            Description = "The instance's `Api:ApiKey`, compared in constant time.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] }];
    }
}
