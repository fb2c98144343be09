using System.Net;
using System.Text.Json;
using StreamFinance.Embedded.Broker;

namespace StreamFinance.Embedded.Tests.Broker;

public sealed class BrokerControlServerTests : IAsyncDisposable
{
    private readonly EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.Start(brokers: 3);
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private BrokerControlServer? control;

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        if (control is not null)
            await control.DisposeAsync();
        cluster.Dispose();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(42)]
    public async Task An_unknown_broker_id_is_answered_404_with_a_json_body_naming_the_valid_ids(int id)
    {
        var url = await StartAsync();

        using var response = await http.PostAsync($"{url}/brokers/{id}/down", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal($"Broker {id} does not exist: this cluster's broker ids are 1, 2, 3.", body.RootElement.GetProperty("error").GetString());
        Assert.Equal([1, 2, 3], body.RootElement.GetProperty("brokerIds").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task A_known_broker_is_taken_down_and_up_with_200()
    {
        var url = await StartAsync();

        using var down = await http.PostAsync($"{url}/brokers/3/down", null, TestContext.Current.CancellationToken);
        using var up = await http.PostAsync($"{url}/brokers/3/up", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, down.StatusCode);
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
    }

    private async Task<string> StartAsync()
    {
        control = await BrokerControlServer.StartAsync(cluster, 0, TestContext.Current.CancellationToken);
        return control.Url;
    }
}
