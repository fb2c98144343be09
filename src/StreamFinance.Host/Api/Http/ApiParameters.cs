using Microsoft.OpenApi;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// The look-ups' parameters as the handlers read them: path parameters get their rules, and the <c>date</c> query
/// parameter (read by <see cref="ValidationApiContext.QueryDate"/>, not bound by ASP.NET Core) is added.
/// </summary>
internal static class ApiParameters
{
    /// <summary>Describes the <c>id</c> path parameter: trimmed, at most <see cref="RequestFields.MaxIdLength"/> characters.</summary>
    public static void Id(OpenApiOperation operation, string description) => Key(operation, "id", description);

    /// <summary>Describes the key path parameter <paramref name="name"/>: trimmed, at most <see cref="RequestFields.MaxIdLength"/> characters.</summary>
    public static void Key(OpenApiOperation operation, string name, string description) =>
        Describe(operation, name, description, new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = RequestFields.MaxIdLength });

    /// <summary>Adds the optional <c>period</c> query parameter of a budget.</summary>
    public static void AddPeriod(OpenApiOperation operation) =>
        (operation.Parameters ??= []).Add(new OpenApiParameter
        {
            Name = "period",
            In = ParameterLocation.Query,
            Required = false,
            Description = "Accounting period id, e.g. `US01-2026-04`, given at most once; default the period of the legal entity containing `date`.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = RequestFields.MaxIdLength },
        });

    /// <summary>Describes a currency path parameter: three upper-case letters.</summary>
    public static void Currency(OpenApiOperation operation, string name, string description) =>
        Describe(operation, name, description, new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[A-Z]{3}$" });

    /// <summary>Adds the optional <c>date</c> query parameter.</summary>
    public static void AddDate(OpenApiOperation operation) =>
        (operation.Parameters ??= []).Add(new OpenApiParameter
        {
            Name = "date",
            In = ParameterLocation.Query,
            Required = false,
            Description = "The date asked for, `yyyy-MM-dd`, given at most once; default today (UTC).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = StringFormatAttribute.Date },
        });

    private static void Describe(OpenApiOperation operation, string name, string description, OpenApiSchema schema)
    {
        var parameter = operation.Parameters?.OfType<OpenApiParameter>().SingleOrDefault(p => p.Name == name && p.In == ParameterLocation.Path)
                        ?? throw new InvalidOperationException($"The operation has no path parameter '{name}' to describe.");
        parameter.Description = description;
        parameter.Schema = schema;
    }
}
