using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Prometheus;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Host.Api;
using StreamFinance.Host.Api.Http;
using StreamFinance.Host.Tests.Api.Support;

namespace StreamFinance.Host.Tests.Api;

public class ValidationApiMetricsTests
{
    private const string Metric = "streamfinance_api_request_duration_seconds";

    [Fact]
    public async Task Every_request_is_timed_under_its_method_route_template_and_status()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ValidationApiServer(
            new ValidationApiContext(new ValidationApiOptions { Port = 0 }, ValidationWorld.Lookup(), new FxFallbackPolicy(), new FakeTimeProvider(ValidationApiStack.Now)),
            NullLoggerFactory.Instance);
        await server.StartAsync(ct);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        const string found = "method=\"GET\",route=\"/v1/cost-centers/{id}\",status=\"200\"";
        const string unknownPath = "method=\"GET\",route=\"unmatched\",status=\"404\"";
        const string malformed = "method=\"POST\",route=\"/v1/validate/expense-coding\",status=\"400\"";
        var before = await SnapshotAsync(ct);

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await ApiResponse.GetAsync(http, "/v1/cost-centers/CC-1000")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiResponse.GetAsync(http, "/v2/nothing-here")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await ApiResponse.PostAsync(http, "/v1/validate/expense-coding", "{not json")).Status);
        var after = await SnapshotAsync(ct);

        // Other tests may call the API at the same time, so counts grow by at least this test's requests.
        Assert.True(Count(after, found) - Count(before, found) >= 3, after);
        Assert.True(Count(after, unknownPath) - Count(before, unknownPath) >= 1, after);
        Assert.True(Count(after, malformed) - Count(before, malformed) >= 1, after);
        Assert.True(Value(after, $"{Metric}_sum{{{found}}}") > Value(before, $"{Metric}_sum{{{found}}}"), after);
        // Fine buckets below 5 ms, where the API answers once warm; every request is in the last one.
        foreach (var bound in new[] { "0.0001", "0.00025", "0.0005", "0.001", "0.002", "0.005" })
            Assert.Contains($"{Metric}_bucket{{{found},le=\"{bound}\"}}", after);
        Assert.Equal(Count(after, found), Value(after, $"{Metric}_bucket{{{found},le=\"+Inf\"}}"));
    }

    private static async Task<string> SnapshotAsync(CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(stream, ct);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static double Count(string text, string labels) => Value(text, $"{Metric}_count{{{labels}}}");

    /// <summary>The value of the series written exactly as <paramref name="series"/>; 0 when the text has none yet.</summary>
    private static double Value(string text, string series)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }
}
