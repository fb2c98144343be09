using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
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

    [Fact]
    public async Task Pushed_request_errors_fail_the_next_requests_of_that_api_then_clear()
    {
        var url = await StartAsync();
        cluster.CreateTopic("faults", 1);
        using var producer = NewProducer();
        await producer.ProduceAsync("faults", new Message<Null, string> { Value = "warm-up" }, Ct);

        using var pushed = await http.PostAsJsonAsync($"{url}/requests/Produce/errors", new { error = "NOT_ENOUGH_REPLICAS", count = 1 }, Ct);

        Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        using var answer = JsonDocument.Parse(await pushed.Content.ReadAsStringAsync(Ct));
        Assert.Equal(("Produce", "NotEnoughReplicas", 19, 1), (answer.RootElement.GetProperty("apiKey").GetString(), answer.RootElement.GetProperty("error").GetString(),
            answer.RootElement.GetProperty("code").GetInt32(), answer.RootElement.GetProperty("count").GetInt32()));
        var refused = await Assert.ThrowsAsync<ProduceException<Null, string>>(() => producer.ProduceAsync("faults", new Message<Null, string> { Value = "refused" }, Ct));
        Assert.Equal(ErrorCode.NotEnoughReplicas, refused.Error.Code);
        Assert.Equal(PersistenceStatus.Persisted, (await producer.ProduceAsync("faults", new Message<Null, string> { Value = "accepted" }, Ct)).Status);
    }

    [Fact]
    public async Task Deleting_the_request_errors_of_an_api_drops_those_still_pushed()
    {
        var url = await StartAsync();
        cluster.CreateTopic("faults", 1);
        using var producer = NewProducer();
        using var pushed = await http.PostAsJsonAsync($"{url}/requests/0/errors", new { error = 19, count = 5 }, Ct);
        Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);

        using var cleared = await http.DeleteAsync($"{url}/requests/produce/errors", Ct);

        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal(PersistenceStatus.Persisted, (await producer.ProduceAsync("faults", new Message<Null, string> { Value = "accepted" }, Ct)).Status);
    }

    [Theory]
    [InlineData("NoSuchApi", """{"error":"NOT_ENOUGH_REPLICAS"}""", "is not a Kafka API this channel can fail: use one of Produce, Fetch,")]
    [InlineData("999", """{"error":"NOT_ENOUGH_REPLICAS"}""", "'999' is not a Kafka API")]
    [InlineData("Fetch", """{"error":"NOT_AN_ERROR"}""", "is not a Kafka error code")]
    [InlineData("Fetch", """{"count":2}""", "error (missing) is not a Kafka error code")]
    [InlineData("Fetch", """{"error":"NoError"}""", "NoError (0) cannot be returned by a broker")]
    [InlineData("Fetch", """{"error":"Local_MsgTimedOut"}""", "Local_MsgTimedOut (-192) cannot be returned by a broker")]
    [InlineData("Fetch", """{"error":"NOT_LEADER_FOR_PARTITION","count":0}""", "count 0 is not between 1 and 1000")]
    [InlineData("Fetch", """{"error":"NOT_LEADER_FOR_PARTITION","count":1001}""", "count 1001 is not between 1 and 1000")]
    [InlineData("Fetch", """{"error":""", "The body must be JSON like")]
    [InlineData("Fetch", "", "The body must be JSON like")]
    public async Task Bad_request_errors_are_answered_400_saying_what_is_accepted(string apiKey, string body, string expected)
    {
        var url = await StartAsync();

        using var response = await http.PostAsync($"{url}/requests/{apiKey}/errors", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await ErrorOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leader_change_moves_the_partition_to_the_named_broker()
    {
        var url = await StartAsync();
        cluster.CreateTopic("moving", 3);
        var before = Leader("moving", 1);
        var target = before % 3 + 1;

        using var moved = await http.PostAsJsonAsync($"{url}/topics/moving/partitions/1/leader", new { brokerId = target }, Ct);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(target, Leader("moving", 1));
        using var producer = NewProducer();
        var written = await producer.ProduceAsync(new TopicPartition("moving", 1), new Message<Null, string> { Value = "after the move" }, Ct);
        Assert.Equal(PersistenceStatus.Persisted, written.Status);
    }

    [Theory]
    [InlineData("no-such-topic", 0, 1, "Topic 'no-such-topic' does not exist on this cluster; only topics created through it can be changed.")]
    [InlineData("moving", 3, 1, "Topic 'moving' has partitions 0 to 2.")]
    [InlineData("moving", 0, 4, "Broker 4 does not exist: this cluster's broker ids are 1, 2, 3.")]
    public async Task A_leader_change_to_an_unknown_topic_partition_or_broker_is_answered_404(string topic, int partition, int broker, string expected)
    {
        var url = await StartAsync();
        cluster.CreateTopic("moving", 3);

        using var response = await http.PostAsJsonAsync($"{url}/topics/{topic}/partitions/{partition}/leader", new { brokerId = broker }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(expected, await ErrorOf(response));
    }

    [Theory]
    [InlineData("{}", "brokerId is missing")]
    [InlineData("""{"brokerId":"two"}""", "The body must be JSON like")]
    public async Task A_leader_change_without_a_broker_id_is_answered_400(string body, string expected)
    {
        var url = await StartAsync();
        cluster.CreateTopic("moving", 3);

        using var response = await http.PostAsync($"{url}/topics/moving/partitions/0/leader", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await ErrorOf(response), StringComparison.Ordinal);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> ErrorOf(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return body.RootElement.GetProperty("error").GetString()!;
    }

    private int Leader(string topic, int partition)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build();
        return admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions.Single(p => p.PartitionId == partition).Leader;
    }

    private IProducer<Null, string> NewProducer() =>
        new ProducerBuilder<Null, string>(new ProducerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            MessageTimeoutMs = 10_000,
            RetryBackoffMs = 100,
            // No retries, so an injected retriable error reaches the caller instead of being retried away.
            MessageSendMaxRetries = 0,
        }).Build();

    private async Task<string> StartAsync()
    {
        control = await BrokerControlServer.StartAsync(cluster, 0, TestContext.Current.CancellationToken);
        return control.Url;
    }
}
