using System.Diagnostics;
using StreamFinance.Connectors.Rest;
using StreamFinance.Connectors.Tests.Support;

namespace StreamFinance.Connectors.Tests.Rest;

public class RestPollingConnectorTests
{
    private static string Page(string? next, params int[] ids) =>
        "{\"data\":[" + string.Join(",", ids.Select(i => $"{{\"id\":\"EXP-{i}\",\"employee\":\"E-1\",\"amount\":\"{i}.25\",\"currency\":\"USD\",\"updated_at\":\"2026-11-2{i % 10}T00:00:00Z\"}}")) +
        "]" + (next is null ? "" : $",\"next_cursor\":\"{next}\"") + "}";

    private static RestPollingOptions Options(FakeVendorApi api, RestPaging paging = RestPaging.Cursor) => new()
    {
        BaseUrl = api.BaseAddress.ToString(), Path = "v1/expenses", Paging = paging, BearerToken = "tok-123",
        BaseDelayMs = 50, MaxDelayMs = 500, MaxRetries = 4, RequestTimeoutMs = 5000, PollIntervalMs = 50,
    };

    private static RestPollingConnector Connector(TestConnector t, RestPollingOptions options, HttpClient http) =>
        new(t.Context, options, new ExpenseRowMapper("json"), new JsonDataFormat(), http);

    [Fact]
    public async Task A_429_is_retried_after_the_seconds_its_Retry_After_names()
    {
        await using var api = new FakeVendorApi { Respond = (n, _) => n == 1 ? FakeVendorApi.Status(429, "2") : FakeVendorApi.Json(Page(null, 1, 2)) };
        await api.StartAsync();
        using var http = new HttpClient();
        var t = new TestConnector("vendor-api");

        var watch = Stopwatch.StartNew();
        var result = await Connector(t, Options(api), http).PollOnceAsync(TestContext.Current.CancellationToken);

        var requests = api.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(1.9), $"retried after {(requests[1].At - requests[0].At).TotalMilliseconds} ms, Retry-After said 2 s");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Equal(2, result.Ingest.Produced);
        Assert.Equal(1, t.Context.Health.Retries);
    }

    [Fact]
    public async Task A_429_with_an_HTTP_date_waits_until_that_date()
    {
        await using var api = new FakeVendorApi
        {
            Respond = (n, _) => n == 1 ? FakeVendorApi.Status(429, DateTimeOffset.UtcNow.AddSeconds(2).ToString("R")) : FakeVendorApi.Json(Page(null, 1)),
        };
        await api.StartAsync();
        using var http = new HttpClient();

        await Connector(new TestConnector("vendor-api"), Options(api), http).PollOnceAsync(TestContext.Current.CancellationToken);

        var requests = api.Requests.ToList();
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(0.9), "the HTTP-date form of Retry-After was not honoured");
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_and_counted()
    {
        await using var api = new FakeVendorApi { Respond = (n, _) => n <= 3 ? FakeVendorApi.Status(503) : FakeVendorApi.Json(Page(null, 7)) };
        await api.StartAsync();
        using var http = new HttpClient();
        var t = new TestConnector("vendor-api");

        var result = await Connector(t, Options(api), http).PollOnceAsync(TestContext.Current.CancellationToken);

        var requests = api.Requests.ToList();
        Assert.Equal(4, requests.Count);
        Assert.Equal(1, result.Ingest.Produced);
        Assert.Equal(3, t.Context.Health.Retries);
        Assert.True(requests[3].At - requests[0].At >= TimeSpan.FromMilliseconds(50), "retries must back off, not hammer the API");
    }

    [Fact]
    public async Task A_poll_that_keeps_failing_throws_naming_the_status_after_its_retries()
    {
        await using var api = new FakeVendorApi { Respond = (_, _) => FakeVendorApi.Status(500) };
        await api.StartAsync();
        using var http = new HttpClient();
        var t = new TestConnector("vendor-api");
        var options = Options(api);
        options.MaxRetries = 2;

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Connector(t, options, http).PollOnceAsync(TestContext.Current.CancellationToken));

        Assert.Contains("500", error.Message);
        Assert.Equal(3, api.Requests.Count);
    }

    [Fact]
    public async Task Cursor_pages_are_followed_and_the_next_cursor_is_committed_with_the_bearer_token_sent()
    {
        await using var api = new FakeVendorApi
        {
            Respond = (_, request) => request.Query["cursor"].ToString() switch
            {
                "" => FakeVendorApi.Json(Page("c2", 1, 2)),
                "c2" => FakeVendorApi.Json(Page("c3", 3)),
                _ => FakeVendorApi.Json(Page(null)),
            },
        };
        await api.StartAsync();
        using var http = new HttpClient();
        var t = new TestConnector("vendor-api");
        var connector = Connector(t, Options(api), http);

        var first = await connector.PollOnceAsync(TestContext.Current.CancellationToken);
        var second = await connector.PollOnceAsync(TestContext.Current.CancellationToken);

        Assert.True(first.HasMore);
        Assert.Equal(["EXP-1", "EXP-2", "EXP-3"], t.Sink.Sent.Select(s => s.Key));
        Assert.Equal("c3", t.Offsets.Latest("vendor-api", "v1/expenses")!.cursor);
        Assert.Equal("c3", second.Cursor);
        Assert.All(api.Requests, r => Assert.Equal("Bearer tok-123", r.Authorization));

        // A restarted connector asks with the committed cursor.
        var restarted = Connector(new TestConnector("vendor-api", offsets: t.Offsets), Options(api), http);
        await restarted.ResumeAsync(TestContext.Current.CancellationToken);
        await restarted.PollOnceAsync(TestContext.Current.CancellationToken);
        Assert.Equal("?cursor=c3", api.Requests.Last().Query);
    }

    [Fact]
    public async Task Watermark_paging_asks_for_changes_since_the_greatest_updated_at_acknowledged()
    {
        await using var api = new FakeVendorApi { Respond = (n, _) => FakeVendorApi.Json(n == 1 ? Page(null, 3, 5, 4) : Page(null)) };
        await api.StartAsync();
        using var http = new HttpClient();
        var t = new TestConnector("vendor-api");
        var connector = Connector(t, Options(api, RestPaging.Watermark), http);

        await connector.PollOnceAsync(TestContext.Current.CancellationToken);
        await connector.PollOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal("", api.Requests.First().Query);
        Assert.Equal("?updated_since=2026-11-25T00%3A00%3A00Z", api.Requests.Last().Query);
        Assert.Equal("2026-11-25T00:00:00Z", t.Offsets.Latest("vendor-api", "v1/expenses")!.cursor);
    }
}
