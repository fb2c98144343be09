using System.Net.Http.Json;

namespace StreamFinance.IntegrationTests.Processes;

/// <summary>
/// The control channel of a <see cref="BrokerProcess"/>: faults injected into the embedded cluster from the test's process
/// (request errors per Kafka API, a broker down and up, a partition's leader moved). Each call fails the test unless the
/// channel answered 200.
/// </summary>
public sealed class BrokerControl(string url) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = new Uri(url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Fails the next <paramref name="count"/> requests of <paramref name="apiKey"/> (e.g. <c>Produce</c>) with <paramref name="error"/>.</summary>
    public Task PushRequestErrorsAsync(string apiKey, string error, int count) =>
        SendAsync(HttpMethod.Post, $"requests/{apiKey}/errors", new { error, count });

    /// <summary>Takes broker <paramref name="id"/> down (its connections closed, new ones refused; leadership stays).</summary>
    public Task BrokerDownAsync(int id) => SendAsync(HttpMethod.Post, $"brokers/{id}/down", null);

    /// <summary>Brings broker <paramref name="id"/> up again.</summary>
    public Task BrokerUpAsync(int id) => SendAsync(HttpMethod.Post, $"brokers/{id}/up", null);

    /// <summary>Moves the leadership of <paramref name="topic"/> [<paramref name="partition"/>] to broker <paramref name="brokerId"/>.</summary>
    public Task MoveLeaderAsync(string topic, int partition, int brokerId) =>
        SendAsync(HttpMethod.Post, $"topics/{topic}/partitions/{partition}/leader", new { brokerId });

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    private async Task SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} on the broker's control channel answered {(int)response.StatusCode}: {text}");
    }
}
