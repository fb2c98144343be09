using System.Net;
using System.Text;
using System.Text.Json;
using StreamFinance.Connectors.Tests.Support;
using StreamFinance.Connectors.Webhooks;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Contracts.Outputs;
using StreamFinance.TestSupport.Waiting;

namespace StreamFinance.Connectors.Tests.Webhooks;

public sealed class WebhookReceiverTests : IAsyncLifetime
{
    private const string Secret = "test-secret-0123456789abcdef";
    private readonly TestConnector t = new("vendor-hooks", new RecordingSink { Withhold = n => n == 99 });
    private readonly HttpClient http = new();
    private WebhookReceiver receiver = null!;
    private Uri address = null!;

    public async ValueTask InitializeAsync()
    {
        receiver = new WebhookReceiver(t.Context, new WebhookOptions { Port = 0, Secret = Secret, MaxBodyBytes = 1024 }, new ExpenseRowMapper(), new LineCsvFormat());
        await receiver.StartAsync(TestContext.Current.CancellationToken);
        address = new Uri(await receiver.Listening, "/webhooks/vendor-hooks");
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await receiver.DisposeAsync();
    }

    private async Task<HttpResponseMessage> Post(string body, string? signature = null, string? eventId = "evt-1") =>
        await http.SendAsync(WebhookSender.Delivery(address, Secret, Encoding.UTF8.GetBytes(body), eventId, WebhookSender.Now, signature: signature), TestContext.Current.CancellationToken);

    private static async Task<string> Reason(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return problem.RootElement.GetProperty("reason").GetString()!;
    }

    [Fact]
    public async Task A_correctly_signed_body_is_answered_202_after_its_record_is_acknowledged()
    {
        var response = await Post("id,employee,amount,currency\nEXP-1,E-1,5.00,USD\n");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("EXP-1", Assert.Single(t.Sink.Sent).Key);
        var offset = t.Offsets.Latest("vendor-hooks", WebhookReceiver.Source)!;
        Assert.Equal("evt-1", offset.cursor);
    }

    [Fact]
    public async Task A_body_with_a_wrong_signature_is_refused_401_and_not_ingested()
    {
        var body = "id,employee,amount,currency\nEXP-1,E-1,5.00,USD\n";
        var response = await Post(body, signature: WebhookSignature.Sign("another-secret-0123456789", WebhookSender.Now, Encoding.UTF8.GetBytes(body)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("SIGNATURE_INVALID", await Reason(response));
        Assert.Empty(t.Sink.Sent);
        Assert.Empty(t.DeadLetters.Published);
    }

    [Fact]
    public async Task A_body_whose_signature_is_missing_or_malformed_is_refused_401()
    {
        var missing = new HttpRequestMessage(HttpMethod.Post, address) { Content = new StringContent("x") };
        missing.Headers.Add("X-StreamFinance-Event-Id", "evt-2");
        var response = await http.SendAsync(missing, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("SIGNATURE_MISSING", await Reason(response));

        var malformed = await Post("x", signature: "sha256=zz");
        Assert.Equal(HttpStatusCode.Unauthorized, malformed.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_413()
    {
        var response = await Post("id,employee,amount,currency\n" + new string('x', 2000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("BODY_TOO_LARGE", await Reason(response));
        Assert.Empty(t.Sink.Sent);
    }

    [Fact]
    public async Task A_body_without_an_event_id_is_refused_400()
    {
        var response = await Post("id,employee,amount,currency\nEXP-1,E-1,5.00,USD\n", eventId: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("EVENT_ID_MISSING", await Reason(response));
    }

    [Fact]
    public async Task An_unmappable_body_is_dead_lettered_and_answered_422_with_the_reason()
    {
        var body = "id,employee,amount,currency\nEXP-9,E-1,lots,USD\n";
        var response = await Post(body, eventId: "evt-9");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(ReasonCode.MappingFailed.Code, await Reason(response));
        var letter = Assert.Single(t.DeadLetters.Published).DeadLetter;
        Assert.Equal("EXP-9,E-1,lots,USD", Encoding.UTF8.GetString(letter.rawValue));
        Assert.Contains("evt-9", letter.message);
    }

    [Fact]
    public void Signatures_are_checked_against_the_timestamp_and_the_raw_body()
    {
        var body = "{\"a\":1}"u8.ToArray();
        var signature = WebhookSignature.Sign(Secret, "1764133200", body);

        Assert.True(WebhookSignature.IsValid(Secret, "1764133200", body, signature));
        Assert.True(WebhookSignature.IsValid(Secret, "1764133200", body, signature.ToUpperInvariant().Replace("SHA256=", "sha256=")));
        Assert.False(WebhookSignature.IsValid(Secret, "1764133200", "{\"a\": 1}"u8, signature));
        Assert.False(WebhookSignature.IsValid(Secret, "1764133201", body, signature));
        Assert.False(WebhookSignature.IsValid(Secret, "1764133200", body, signature[..^2]));
    }

    [Fact]
    public void The_signature_is_the_hmac_sha256_of_timestamp_dot_body_as_senders_compute_it()
    {
        // Pinned from: printf '%s.%s' 1764133200 '{"a":1}' | openssl dgst -sha256 -hmac test-secret-0123456789abcdef
        Assert.Equal("sha256=9775d23866d3fbdb1cfd66457bac2792dad4c6e49eb885c04f3f3beabb4f6e1f", WebhookSignature.Sign(Secret, 1764133200, "{\"a\":1}"u8));
    }
}

public sealed class WebhookAcknowledgementTests
{
    [Fact]
    public async Task The_202_waits_for_the_Kafka_acknowledgement()
    {
        const string secret = "test-secret-0123456789abcdef";
        var sink = new RecordingSink { Withhold = n => n == 1 };
        var t = new TestConnector("vendor-hooks", sink);
        await using var receiver = new WebhookReceiver(t.Context, new WebhookOptions { Port = 0, Secret = secret }, new ExpenseRowMapper(), new LineCsvFormat());
        await receiver.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        var body = Encoding.UTF8.GetBytes("id,employee,amount,currency\nEXP-1,E-1,5.00,USD\n");
        var request = WebhookSender.Delivery(new Uri(await receiver.Listening, "/webhooks/vendor-hooks"), secret, body, "evt-1", WebhookSender.Now);

        var pending = http.SendAsync(request, TestContext.Current.CancellationToken);
        // Until the record reached the sink (under load that can take a while) and a little after, no answer.
        await Wait.UntilAsync("the record to reach the sink (or an answer)", TimeSpan.FromSeconds(30), () => sink.WithheldCount > 0 || pending.IsCompleted, TimeSpan.FromMilliseconds(20));
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Equal(1, sink.WithheldCount);
        Assert.False(pending.IsCompleted, "no answer may be given before Kafka acknowledged the record");
        sink.ReleaseWithheld();

        Assert.Equal(HttpStatusCode.Accepted, (await pending).StatusCode);
    }
}
