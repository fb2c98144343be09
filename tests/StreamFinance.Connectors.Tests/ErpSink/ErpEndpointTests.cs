using Microsoft.Extensions.Time.Testing;
using StreamFinance.Connectors.ErpSink;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Mapping.Outbound;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Embedded.Erp;
using StreamFinance.TestSupport.Erp;

namespace StreamFinance.Connectors.Tests.ErpSink;

/// <summary>
/// How an ERP endpoint respects the fake ERP: 429 with Retry-After, a timeout after the ERP created the document (the
/// retry gets the same document), an outage that opens the circuit, rejections, the token bucket and credentials.
/// Time that Polly waits runs on a <see cref="FakeTimeProvider"/> the tests move.
/// </summary>
public sealed class ErpEndpointTests : IAsyncLifetime
{
    private static readonly OutboundProfile NetSuite =
        new MappingProfileLoader().LoadOutboundFile(Path.Combine(AppContext.BaseDirectory, "Profiles", OutboundProfileCatalog.Folder, "netsuite-journal-entries.yaml"));

    private readonly ErpSinkMetrics metrics = ErpSinkMetrics.Detached();
    private readonly ConnectorHealth health = new("erp-test");
    private readonly HttpClient http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private FakeErp erp = null!;

    public async ValueTask InitializeAsync() => erp = await FakeErp.StartAsync(ct: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await erp.DisposeAsync();
        http.Dispose();
    }

    private static ErpRequest Request(string id) => NetSuite.Build(ErpPostingSamples.Journal(id)).Request!;

    private ErpEndpoint Endpoint(TimeProvider clock, Action<ErpSinkOptions>? change = null)
    {
        var options = new ErpSinkOptions { BaseUrl = erp.Url, BearerToken = "erp-token-7", BaseDelayMs = 5, MaxDelayMs = 20, RequestTimeoutMs = 5_000 };
        change?.Invoke(options);
        Assert.Empty(options.Validate("ErpRest"));
        return new ErpEndpoint("erp-test", options, http, metrics, health, clock);
    }

    [Fact]
    public async Task A_posted_journal_answers_with_the_erps_document_and_sends_the_credentials_and_the_idempotency_key()
    {
        using var endpoint = Endpoint(TimeProvider.System);

        var result = await endpoint.SendAsync(Request("JE-A"), TestContext.Current.CancellationToken);

        Assert.Equal((ErpCallKind.Posted, 204), (result.Kind, result.StatusCode));
        Assert.EndsWith("/services/rest/record/v1/journalEntry/1001", result.Header("Location"), StringComparison.Ordinal);
        var call = Assert.Single(erp.Calls);
        Assert.Equal(("PUT", "/services/rest/record/v1/journalEntry/eid:JE-A", "JE-A", "Bearer erp-token-7"), (call.Method, call.Path, call.IdempotencyKey, call.Headers["Authorization"]));
        Assert.Equal(1, metrics.CallsOf("erp-test", ErpSinkMetrics.Posted));
    }

    [Fact]
    public async Task A_429_waits_what_Retry_After_says_then_posts()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        await erp.DisposeAsync();
        erp = await FakeErp.StartAsync(clock, ct: TestContext.Current.CancellationToken);
        erp.RequestsPerSecond = 1;
        erp.RetryAfterSeconds = 2;
        using var endpoint = Endpoint(clock);
        Assert.Equal(ErpCallKind.Posted, (await endpoint.SendAsync(Request("JE-1"), TestContext.Current.CancellationToken)).Kind);

        var second = endpoint.SendAsync(Request("JE-2"), TestContext.Current.CancellationToken);
        await StreamFinance.TestSupport.Waiting.Wait.UntilAsync("the 429 and its retry scheduled", TimeSpan.FromSeconds(10), () => health.Retries == 1);
        var waited = TimeSpan.Zero;
        while (!second.IsCompleted && waited < TimeSpan.FromSeconds(10))
        {
            clock.Advance(TimeSpan.FromMilliseconds(50));
            waited += TimeSpan.FromMilliseconds(50);
            await Task.WhenAny(second, Task.Delay(20, TestContext.Current.CancellationToken));
        }

        Assert.Equal(ErpCallKind.Posted, (await second).Kind);
        TestContext.Current.TestOutputHelper?.WriteLine($"Retry-After 2 s; the retry came after {waited.TotalSeconds:F2} s of the clock");
        Assert.InRange(waited, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.3));
        Assert.Equal([204, 429, 204], erp.Calls.Select(c => c.Status));
        Assert.Equal((1, 1), ((int)metrics.Throttles.WithLabels("erp-test", "erp").Value, (int)metrics.CallsOf("erp-test", ErpSinkMetrics.Throttled)));
        Assert.Equal(2, erp.Documents.Count);
    }

    [Fact]
    public async Task A_timeout_after_the_erp_created_the_document_is_retried_and_answered_with_that_same_document()
    {
        erp.AnswerDelay = TimeSpan.FromSeconds(3);
        using var endpoint = Endpoint(TimeProvider.System, o => o.RequestTimeoutMs = 300);

        var result = await endpoint.SendAsync(Request("JE-SLOW"), TestContext.Current.CancellationToken);

        Assert.Equal(ErpCallKind.Posted, result.Kind);
        var document = Assert.Single(erp.Documents);
        Assert.EndsWith($"/journalEntry/{document.Number}", result.Header("Location"), StringComparison.Ordinal);
        Assert.Equal(["JE-SLOW", "JE-SLOW"], erp.Calls.Select(c => c.IdempotencyKey));
        Assert.Equal(1, metrics.CallsOf("erp-test", ErpSinkMetrics.Timeout));
    }

    [Fact]
    public async Task An_outage_opens_the_circuit_so_calls_stop_reaching_the_erp_until_the_break_has_passed()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        using var endpoint = Endpoint(clock, o => (o.MaxRetries, o.BreakerMinimumThroughput, o.BreakerFailureRatio, o.BreakDurationMs) = (0, 2, 0.5, 10_000));
        erp.Down = true;
        var ct = TestContext.Current.CancellationToken;

        var first = await endpoint.SendAsync(Request("JE-1"), ct);
        var second = await endpoint.SendAsync(Request("JE-1"), ct);
        var third = await endpoint.SendAsync(Request("JE-1"), ct);

        Assert.Equal([ErpCallKind.Unavailable, ErpCallKind.Unavailable, ErpCallKind.Unavailable], [first.Kind, second.Kind, third.Kind]);
        Assert.Equal((503, 503), (first.StatusCode, second.StatusCode));
        Assert.Contains("circuit", third.Problem, StringComparison.Ordinal);
        Assert.Equal(2, erp.Calls.Count);
        Assert.True(endpoint.CircuitOpen);
        Assert.Equal(1, metrics.CircuitOpen.WithLabels("erp-test").Value);

        erp.Down = false;
        clock.Advance(TimeSpan.FromSeconds(10));
        var after = await endpoint.SendAsync(Request("JE-1"), ct);

        Assert.Equal(ErpCallKind.Posted, after.Kind);
        Assert.False(endpoint.CircuitOpen);
        Assert.Equal(0, metrics.CircuitOpen.WithLabels("erp-test").Value);
        Assert.Single(erp.Documents);
    }

    [Fact]
    public async Task A_rejection_is_final_and_carries_the_erps_answer()
    {
        erp.Rejects = call => call.Body.Contains("\"6100\"", StringComparison.Ordinal) ? "Account 6100 is inactive in subsidiary US01." : null;
        using var endpoint = Endpoint(TimeProvider.System);

        var result = await endpoint.SendAsync(Request("JE-R"), TestContext.Current.CancellationToken);

        Assert.Equal((ErpCallKind.Rejected, 400), (result.Kind, result.StatusCode));
        Assert.Equal(["Account 6100 is inactive in subsidiary US01.", "Bad Request"], NetSuite.MessagesOf(result.Body));
        Assert.Single(erp.Calls);
        Assert.Empty(erp.Documents);
    }

    [Fact]
    public async Task Calls_beyond_the_token_bucket_wait_for_tokens_on_the_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        using var endpoint = Endpoint(clock, o => (o.RequestsPerSecond, o.Burst) = (1, 2));
        var ct = TestContext.Current.CancellationToken;

        var calls = Enumerable.Range(1, 4).Select(i => endpoint.SendAsync(Request($"JE-{i}"), ct)).ToList();
        await StreamFinance.TestSupport.Waiting.Wait.UntilAsync("the burst of 2 answered", TimeSpan.FromSeconds(10), () => calls.Count(c => c.IsCompleted) == 2);
        await Task.Delay(200, ct);
        Assert.Equal(2, erp.Calls.Count);
        Assert.Equal(2, metrics.Throttles.WithLabels("erp-test", "sink").Value);

        clock.Advance(TimeSpan.FromSeconds(1));
        await StreamFinance.TestSupport.Waiting.Wait.UntilAsync("a third call after one second", TimeSpan.FromSeconds(10), () => calls.Count(c => c.IsCompleted) == 3);
        clock.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(calls);

        Assert.Equal(4, erp.Documents.Count);
    }
}
