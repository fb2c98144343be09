using System.Net;
using System.Text;
using System.Text.Json;

namespace StreamFinance.Host.Tests.Api.Support;

/// <summary>An HTTP answer read whole: status, media type, headers and the JSON body.</summary>
internal sealed record ApiResponse(HttpStatusCode Status, string? MediaType, HttpResponseMessage Message, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Text(string property) => Json.GetProperty(property).GetString() ?? "";

    public static async Task<ApiResponse> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
        return await ReadAsync(response);
    }

    public static async Task<ApiResponse> PostAsync(HttpClient http, string path, string body, string contentType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var response = await http.PostAsync(path, content, TestContext.Current.CancellationToken);
        return await ReadAsync(response);
    }

    public static async Task<ApiResponse> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return await ReadAsync(response);
    }

    private static async Task<ApiResponse> ReadAsync(HttpResponseMessage response) =>
        new(response.StatusCode, response.Content.Headers.ContentType?.MediaType, response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
}
