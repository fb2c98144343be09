using System.Net;
using System.Text.Json;
using StreamFinance.Host.Observability;

namespace StreamFinance.Host.Tests.Support;

/// <summary>One answer of a health endpoint: status code and parsed body.</summary>
internal sealed record HealthProbe(HttpStatusCode Status, HealthResponse Body)
{
    public static async Task<HealthProbe> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new HealthProbe(response.StatusCode, JsonSerializer.Deserialize<HealthResponse>(body, HealthResponse.Json)
                                                    ?? throw new InvalidOperationException($"{path} answered no body"));
    }

    public static HealthProbe Get(HttpClient http, string path)
    {
        using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, path), TestContext.Current.CancellationToken);
        var body = new StreamReader(response.Content.ReadAsStream(TestContext.Current.CancellationToken)).ReadToEnd();
        return new HealthProbe(response.StatusCode, JsonSerializer.Deserialize<HealthResponse>(body, HealthResponse.Json)
                                                    ?? throw new InvalidOperationException($"{path} answered no body"));
    }

    public HealthComponent Component(string name) => Body.Components.Single(c => c.Name == name);
}
