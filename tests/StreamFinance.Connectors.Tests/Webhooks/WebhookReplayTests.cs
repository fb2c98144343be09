using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Connectors.Tests.Support;
using StreamFinance.Connectors.Webhooks;

namespace StreamFinance.Connectors.Tests.Webhooks;

public sealed class WebhookReplayTests : IAsyncLifetime
{
    private const string Secret = "test-secret-0123456789abcdef";
    private const string Body = "id,employee,amount,currency\nEXP-1,E-1,5.00,USD\n";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero));
    private readonly TestConnector t = new("vendor-hooks");
    private readonly HttpClient http = new();
    private WebhookReceiver receiver = null!;
    private Uri address = null!;

    public async ValueTask InitializeAsync() => (receiver, address) = await Start();

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await receiver.DisposeAsync();
    }

    private async Task<(WebhookReceiver, Uri)> Start()
    {
        var context = new ConnectorContext(t.Context.Name, t.Sink, t.DeadLetters, t.Offsets, clock: clock);
        var started = new WebhookReceiver(context, new WebhookOptions { Port = 0, Secret = Secret }, new ExpenseRowMapper(), new LineCsvFormat());
        await started.StartAsync(TestContext.Current.CancellationToken);
        return (started, new Uri(await started.Listening, "/webhooks/vendor-hooks"));
    }

    private long Now => clock.GetUtcNow().ToUnixTimeSeconds();

    private Task<HttpResponseMessage> Send(string eventId, string body = Body, long? signedAt = null, string? sentTimestamp = null) =>
        http.SendAsync(WebhookSender.Delivery(address, Secret, Encoding.UTF8.GetBytes(body), eventId, signedAt ?? Now, sentTimestamp), TestContext.Current.CancellationToken);

    private static async Task<string> Reason(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return problem.RootElement.GetProperty("reason").GetString()!;
    }

    [Fact]
    public async Task The_same_signed_delivery_sent_twice_is_produced_once_and_answered_as_a_duplicate_the_second_time()
    {
        var first = await Send("evt-1");
        var second = await Send("evt-1");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("\"duplicate\":true", await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Single(t.Sink.Sent);
    }

    [Fact]
    public async Task The_same_body_under_a_new_event_id_is_produced_once()
    {
        var first = await Send("evt-1");
        var second = await Send("evt-2");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(t.Sink.Sent);
    }

    [Fact]
    public async Task A_delivery_signed_longer_ago_than_the_tolerance_is_refused_401_and_not_produced()
    {
        var response = await Send("evt-1", signedAt: Now - 301);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("TIMESTAMP_OUTSIDE_TOLERANCE", await Reason(response));
        Assert.Empty(t.Sink.Sent);
    }

    [Fact]
    public async Task A_delivery_without_a_timestamp_is_refused_401()
    {
        var request = WebhookSender.Delivery(address, Secret, Encoding.UTF8.GetBytes(Body), "evt-1", Now);
        request.Headers.Remove("X-StreamFinance-Timestamp");

        var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("TIMESTAMP_MISSING", await Reason(response));
    }

    [Fact]
    public async Task A_delivery_accepted_before_a_restart_is_still_a_duplicate_after_it()
    {
        Assert.Equal(HttpStatusCode.Accepted, (await Send("evt-1")).StatusCode);
        await receiver.DisposeAsync();
        (receiver, address) = await Start();

        var replay = await Send("evt-1");

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Single(t.Sink.Sent);
    }

    [Fact]
    public async Task Once_its_window_has_passed_a_delivery_is_forgotten_and_a_freshly_signed_resend_is_produced()
    {
        Assert.Equal(HttpStatusCode.Accepted, (await Send("evt-1")).StatusCode);
        clock.Advance(TimeSpan.FromSeconds(301));

        var resend = await Send("evt-1");

        Assert.Equal(HttpStatusCode.Accepted, resend.StatusCode);
        Assert.Equal(2, t.Sink.Sent.Count);
    }

    [Fact]
    public async Task A_delivery_whose_timestamp_was_changed_after_signing_is_refused_401()
    {
        var response = await Send("evt-1", signedAt: Now - 3600, sentTimestamp: Now.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("SIGNATURE_INVALID", await Reason(response));
        Assert.Empty(t.Sink.Sent);
    }
}
