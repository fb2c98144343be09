using System.Globalization;
using System.Text;
using Prometheus;

namespace StreamFinance.Benchmarks.Load;

/// <summary>
/// The server's own time over requests, from the API's <c>streamfinance_api_request_duration_seconds</c> histogram in
/// this process's metrics registry: what the middleware and endpoints took, without the transport, the scheduling of
/// the client and server threads, or the client. Read before and after a run; the difference is that run's.
/// </summary>
internal sealed class ServerTime
{
    private const string Bucket = "streamfinance_api_request_duration_seconds_bucket{";
    private readonly SortedDictionary<double, double> cumulative;

    private ServerTime(SortedDictionary<double, double> cumulative) => this.cumulative = cumulative;

    /// <summary>The histogram now, summed over the series whose route satisfies <paramref name="route"/>.</summary>
    public static async Task<ServerTime> ReadAsync(Func<string, bool> route, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(stream, ct);
        var buckets = new SortedDictionary<double, double>();
        foreach (var line in Encoding.UTF8.GetString(stream.ToArray()).Split('\n'))
        {
            if (!line.StartsWith(Bucket, StringComparison.Ordinal) || !route(Label(line, "route")))
                continue;
            var le = Label(line, "le");
            var bound = le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture);
            var value = double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            buckets[bound] = buckets.GetValueOrDefault(bound) + value;
        }
        return new ServerTime(buckets);
    }

    /// <summary>The requests recorded since <paramref name="before"/>, described as shares under each bound and the bound holding the 99th percentile.</summary>
    public string DescribeSince(ServerTime before)
    {
        var since = cumulative.ToDictionary(b => b.Key, b => b.Value - before.cumulative.GetValueOrDefault(b.Key));
        var total = since.GetValueOrDefault(double.PositiveInfinity);
        if (total <= 0)
            return "no requests recorded";
        var shares = since.Where(b => b.Key <= 0.005)
            .Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Value / total:P2} <= {b.Key * 1000:0.###} ms"));
        var p99 = since.First(b => b.Value >= 0.99 * total).Key;
        return string.Create(CultureInfo.InvariantCulture,
            $"{string.Join(", ", shares)}; p99 <= {(double.IsPositiveInfinity(p99) ? "+Inf" : (p99 * 1000).ToString("0.###", CultureInfo.InvariantCulture))} ms");
    }

    private static string Label(string line, string name)
    {
        var start = line.IndexOf($"{name}=\"", StringComparison.Ordinal);
        if (start < 0)
            return "";
        start += name.Length + 2;
        return line[start..line.IndexOf('"', start)];
    }
}
