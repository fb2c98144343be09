using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// Makes the schemas that ASP.NET Core derives from the serializer's contracts say what the API really accepts and
/// answers: exact decimals as <c>format: decimal</c> (strings with a digits-only pattern where <see cref="StringFormatAttribute"/>
/// says so), request bodies closed to unknown members and their required members non-null (a null is refused like a
/// missing member), and problem details with the members every answer has, <c>traceId</c> included. Runs once, when
/// the document is built.
/// </summary>
internal sealed class ApiSchemaTransformer : IOpenApiSchemaTransformer
{
    /// <summary>An exact decimal written as a string: optional minus, digits, optional fraction, no exponent.</summary>
    public const string DecimalPattern = @"^-?[0-9]+(\.[0-9]+)?$";

    private static readonly string[] ProblemMembers = ["type", "title", "status", "detail", "instance", "traceId"];

    /// <summary>A string schema for an exact decimal.</summary>
    public static OpenApiSchema DecimalString() =>
        new() { Type = JsonSchemaType.String, Format = StringFormatAttribute.Decimal, Pattern = DecimalPattern };

    /// <inheritdoc />
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(StringFormatAttribute), inherit: false) is [StringFormatAttribute format, ..])
        {
            schema.Format = format.Format;
            if (format.Format == StringFormatAttribute.Decimal)
                schema.Pattern = DecimalPattern;
        }
        else if (type == typeof(decimal) || type == typeof(decimal?))
        {
            // Read exactly: not the binary "double" ASP.NET Core would say; a numeric string too where the member allows it.
            schema.Format = StringFormatAttribute.Decimal;
            if (context.JsonPropertyInfo?.NumberHandling is { } handling && handling.HasFlag(JsonNumberHandling.AllowReadingFromString))
            {
                schema.Type |= JsonSchemaType.String;
                schema.Pattern = DecimalPattern;
            }
        }
        if (context.JsonPropertyInfo is not null)
            return Task.CompletedTask;
        if (context.JsonTypeInfo is { Kind: JsonTypeInfoKind.Object, UnmappedMemberHandling: JsonUnmappedMemberHandling.Disallow })
            CloseRequestBody(schema, context.JsonTypeInfo);
        if (typeof(ProblemDetails).IsAssignableFrom(type))
            CompleteProblem(schema, type == typeof(HttpValidationProblemDetails));
        return Task.CompletedTask;
    }

    private static void CloseRequestBody(OpenApiSchema schema, JsonTypeInfo type)
    {
        schema.AdditionalPropertiesAllowed = false;
        foreach (var property in type.Properties.Where(p => p.IsRequired))
            if (Property(schema, property.Name) is OpenApiSchema { Type: { } kinds } member)
                member.Type = kinds & ~JsonSchemaType.Null;
    }

    private static void CompleteProblem(OpenApiSchema schema, bool validation)
    {
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["traceId"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Identifies the request in the server's log; quote it when reporting a failure.",
        };
        foreach (var member in ProblemMembers)
            if (Property(schema, member) is OpenApiSchema { Type: { } kinds } property)
                property.Type = kinds & ~JsonSchemaType.Null;
        schema.Required = ProblemMembers.Concat(validation ? ["errors"] : []).ToHashSet();
        if (validation && Property(schema, "errors") is OpenApiSchema errors)
            errors.Description = $"What is wrong with each request field (JSON name), or with the body as a whole under \"{JsonBodyParser.WholeBody}\".";
    }

    private static IOpenApiSchema? Property(OpenApiSchema schema, string name) =>
        schema.Properties is { } properties && properties.TryGetValue(name, out var property) ? property : null;
}
