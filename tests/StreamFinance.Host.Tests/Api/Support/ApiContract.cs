using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace StreamFinance.Host.Tests.Api.Support;

/// <summary>
/// The OpenAPI document an API serves, read as JSON, and the checks a client generator relies on: an instance valid
/// against a schema of the document (JSON Schema 2020-12, formats checked), and holding exactly the properties the
/// schema declares, at every level.
/// </summary>
internal sealed class ApiContract(JsonObject document)
{
    public const string Path = "/openapi/v1.json";

    private JsonObject Schemas => document["components"]!["schemas"]!.AsObject();

    public JsonObject Document => document;

    public static async Task<ApiContract> FetchAsync(HttpClient http)
    {
        var response = await ApiResponse.GetAsync(http, Path);
        Assert.True(response.Status == HttpStatusCode.OK, response.Body);
        return new ApiContract(JsonNode.Parse(response.Body)!.AsObject());
    }

    /// <summary>Every operation as (METHOD, path template, operation).</summary>
    public IEnumerable<(string Method, string Path, JsonObject Operation)> Operations() =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => (op.Key.ToUpperInvariant(), path.Key, op.Value!.AsObject())));

    public JsonObject Operation(string method, string path) =>
        document["paths"]?[path]?[method.ToLowerInvariant()]?.AsObject() ?? throw new KeyNotFoundException($"The document has no {method} {path}.");

    /// <summary>The schema of <paramref name="status"/>'s <paramref name="mediaType"/> answer of an operation.</summary>
    public JsonNode ResponseSchema(string method, string path, int status, string mediaType) =>
        Operation(method, path)["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?[mediaType]?["schema"]
        ?? throw new KeyNotFoundException($"{method} {path} documents no {status} {mediaType} answer.");

    /// <summary>The schema of an operation's JSON body.</summary>
    public JsonNode RequestSchema(string method, string path) =>
        Operation(method, path)["requestBody"]?["content"]?["application/json"]?["schema"] ?? throw new KeyNotFoundException($"{method} {path} documents no JSON body.");

    /// <summary>Every example: where it is, the schema beside it, and the example.</summary>
    public IEnumerable<(string Where, JsonNode Schema, JsonNode Example)> Examples()
    {
        foreach (var (method, path, operation) in Operations())
        {
            if (operation["requestBody"]?["content"] is JsonObject body)
                foreach (var (media, content) in body)
                    if (content?["example"] is { } example)
                        yield return ($"{method} {path} request {media}", content["schema"]!, example);
            foreach (var (status, response) in operation["responses"]!.AsObject())
                foreach (var (media, content) in response?["content"]?.AsObject() ?? [])
                    if (content?["example"] is { } example)
                        yield return ($"{method} {path} {status} {media}", content["schema"]!, example);
        }
    }

    /// <summary>
    /// What is wrong with <paramref name="instance"/> against <paramref name="schema"/>: empty when it validates and, for
    /// answers (<paramref name="exactProperties"/>), has exactly the declared properties at every level.
    /// </summary>
    public IReadOnlyList<string> Problems(JsonNode schema, JsonElement instance, bool exactProperties = true)
    {
        var problems = new List<string>();
        var text = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = Schemas.DeepClone(),
            ["allOf"] = new JsonArray(schema.DeepClone()),
        }.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var validator = JsonSchema.FromText(text, baseUri: new Uri($"https://streamfinance.test/{Guid.NewGuid():N}"));
        var result = validator.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (!result.IsValid)
            problems.AddRange((result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}"));
        if (exactProperties)
            ExactProperties(schema, instance, "$", problems);
        return problems;
    }

    public IReadOnlyList<string> Problems(JsonNode schema, JsonNode instance, bool exactProperties = true) =>
        Problems(schema, JsonDocument.Parse(instance.ToJsonString()).RootElement, exactProperties);

    private void ExactProperties(JsonNode schema, JsonElement instance, string at, List<string> problems)
    {
        schema = Resolve(schema);
        if (schema["oneOf"] is JsonArray branches)
        {
            if (instance.ValueKind == JsonValueKind.Null)
                return;
            schema = Resolve(branches.Single(b => b?["type"]?.GetValue<string>() != "null")!);
        }
        if (instance.ValueKind == JsonValueKind.Array && schema["items"] is { } items)
        {
            var i = 0;
            foreach (var item in instance.EnumerateArray())
                ExactProperties(items, item, $"{at}[{i++}]", problems);
        }
        if (instance.ValueKind != JsonValueKind.Object)
            return;
        var declared = Declared(schema);
        if (declared.Count == 0 && schema["additionalProperties"] is JsonObject values)
        {
            foreach (var property in instance.EnumerateObject())
                ExactProperties(values, property.Value, $"{at}.{property.Name}", problems);
            return;
        }
        var present = instance.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(declared.Keys.Except(present).Select(name => $"{at}.{name}: declared but not in the answer"));
        problems.AddRange(present.Except(declared.Keys).Select(name => $"{at}.{name}: in the answer but not declared"));
        foreach (var property in instance.EnumerateObject())
            if (declared.TryGetValue(property.Name, out var propertySchema))
                ExactProperties(propertySchema, property.Value, $"{at}.{property.Name}", problems);
    }

    private Dictionary<string, JsonNode> Declared(JsonNode schema)
    {
        var declared = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
            declared[name] = property!;
        foreach (var part in schema["allOf"]?.AsArray() ?? [])
            foreach (var (name, property) in Declared(Resolve(part!)))
                declared[name] = property;
        return declared;
    }

    private JsonNode Resolve(JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference
            ? Resolve(Schemas[reference["#/components/schemas/".Length..]] ?? throw new KeyNotFoundException($"{reference} is not in the document."))
            : schema;
}
