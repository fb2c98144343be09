using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Confluent.SchemaRegistry;
using StreamFinance.Embedded.SchemaRegistry;

namespace StreamFinance.Embedded.Tests.SchemaRegistry;

/// <summary>
/// One embedded registry per test, with Confluent's real <see cref="CachedSchemaRegistryClient"/> and a raw
/// <see cref="HttpClient"/> pointed at it.
/// </summary>
internal sealed class RunningRegistry : IAsyncDisposable
{
    public const string ContentType = "application/vnd.schemaregistry.v1+json";

    private RunningRegistry(EmbeddedSchemaRegistry registry)
    {
        Registry = registry;
        Client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = registry.Url, MaxRetries = 1 });
        Http = new HttpClient { BaseAddress = new Uri(registry.Url) };
    }

    public EmbeddedSchemaRegistry Registry { get; }

    public CachedSchemaRegistryClient Client { get; }

    public HttpClient Http { get; }

    public static async Task<RunningRegistry> StartAsync() =>
        new(await EmbeddedSchemaRegistry.StartAsync(ct: TestContext.Current.CancellationToken));

    public static Schema AvroSchema(string json) => new(json, SchemaType.Avro);

    public Task<int> RegisterAsync(string subject, string schemaJson) =>
        Client.RegisterSchemaAsync(subject, AvroSchema(schemaJson));

    public async Task<(int Status, JsonNode? Body, string? ContentType)> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        }

        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Content.Headers.ContentType?.MediaType);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Http.Dispose();
        await Registry.DisposeAsync();
    }
}
