using System.Globalization;
using System.Text.Json;
using Avro;
using Avro.Specific;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;
using StreamFinance.Contracts;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// 200 answer of a master-data look-up: the version in force on the date asked, as
/// <c>{"objectType","businessKey","asOf","effectiveFrom","record":{...}}</c>, the record rendered by <see cref="AvroJsonWriter"/>
/// (decimals as exact strings, dates as ISO dates, enums by name).
/// </summary>
internal sealed class RecordResult(string objectType, string businessKey, DateOnly asOf, DateOnly effectiveFrom, ISpecificRecord record) : IResult
{
    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteString("objectType", objectType);
        writer.WriteString("businessKey", businessKey);
        writer.WriteString("asOf", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("effectiveFrom", effectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WritePropertyName("record");
        AvroJsonWriter.Write(writer, record);
        writer.WriteEndObject();
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    /// <summary>
    /// The schema of this answer for records of <paramref name="record"/>'s type, as the component <c>{Record}Lookup</c>
    /// of <paramref name="document"/> (added once), the record itself described from its Avro schema.
    /// </summary>
    public static IOpenApiSchema Schema(OpenApiDocument document, string objectType, RecordSchema record)
    {
        var id = record.Name + "Lookup";
        document.Components ??= new OpenApiComponents();
        var schemas = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!schemas.ContainsKey(id))
            schemas[id] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = $"The version of a {record.Name} in force on a date.",
                Required = new HashSet<string> { "objectType", "businessKey", "asOf", "effectiveFrom", "record" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["objectType"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [objectType] },
                    ["businessKey"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The id asked for, trimmed." },
                    ["asOf"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date", Description = "The date asked for." },
                    ["effectiveFrom"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date", Description = "The first date the version answered is in force." },
                    ["record"] = AvroOpenApiSchemas.Reference(document, record),
                },
            };
        return new OpenApiSchemaReference(id, document);
    }
}
