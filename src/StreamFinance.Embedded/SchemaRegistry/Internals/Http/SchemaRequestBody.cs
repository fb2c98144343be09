using System.Text.Json;
using Confluent.SchemaRegistry;
using Microsoft.AspNetCore.Http;

namespace StreamFinance.Embedded.SchemaRegistry.Internals.Http;

/// <summary>
/// Reads the body Confluent clients send to register, look up or test a schema:
/// <c>{"schema":"...","schemaType":"AVRO","references":[...],"metadata":...,"ruleSet":...}</c>.
/// A missing <c>schemaType</c> means AVRO; metadata and rule sets are ignored.
/// </summary>
internal static class SchemaRequestBody
{
    public static async Task<Schema> ReadAsync(HttpRequest request)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            throw RegistryErrorHandling.BadRequest($"The request body is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("schema", out var schemaText)
                || schemaText.ValueKind != JsonValueKind.String)
            {
                throw SchemaRegistryStoreException.InvalidSchema("The request body needs a \"schema\" string holding the schema JSON.");
            }

            var schemaType = root.TryGetProperty("schemaType", out var type) && type.ValueKind == JsonValueKind.String
                ? ParseType(type.GetString()!)
                : SchemaType.Avro;
            var referenceList = root.TryGetProperty("references", out var references) && references.ValueKind == JsonValueKind.Array
                ? references.EnumerateArray().Select(ReadReference).ToList()
                : [];
            return new Schema(schemaText.GetString()!, referenceList, schemaType);
        }
    }

    private static SchemaReference ReadReference(JsonElement reference) => new(
        StringOrNull(reference, "name"),
        StringOrNull(reference, "subject"),
        reference.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var number) ? number : -1);

    private static string? StringOrNull(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static SchemaType ParseType(string type) => type.ToUpperInvariant() switch
    {
        "AVRO" => SchemaType.Avro,
        "PROTOBUF" => SchemaType.Protobuf,
        "JSON" => SchemaType.Json,
        _ => throw SchemaRegistryStoreException.InvalidSchema(
            $"Unknown schema type '{type}'. The embedded Schema Registry supports only AVRO."),
    };
}
