namespace StreamFinance.Kafka.Observability.Streamiz;

/// <summary>
/// The Prometheus name of a Streamiz metric: <c>streamfinance_streamiz_{scope}_{metric}</c>, where the scope comes from
/// the metric's group (<c>stream-thread-metrics</c> is <c>thread</c>, <c>stream-metrics</c> is <c>client</c>) and the
/// metric name is made snake_case in base units.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Streamiz measures latencies, ages and times in milliseconds and librdkafka some latencies in microseconds
/// (<c>-micros</c>): both are converted to seconds and named <c>_seconds</c>.</item>
/// <item>Streamiz calls some cumulative metrics <c>-total</c> and also some current values
/// (<c>messages-queue-current-total</c>). The bridge exports every one as a gauge of the last reported value, so the
/// word <c>total</c> is dropped: in Prometheus <c>_total</c> belongs to counters.</item>
/// <item>A name that would end in a suffix Prometheus reserves for histograms (<c>active-buffer-count</c>) gets
/// <c>_current</c> appended.</item>
/// </list>
/// </remarks>
public static class StreamizMetricName
{
    /// <summary>Prefix of every bridged Streamiz metric.</summary>
    public const string Prefix = MetricNaming.Prefix + "streamiz_";

    /// <summary>The Prometheus name of a metric and the factor that converts its value to base units.</summary>
    public static (string Name, double Scale) For(string group, string metric)
    {
        var words = MetricNaming.ToSnakeCase(metric).Split('_', StringSplitOptions.RemoveEmptyEntries).ToList();
        string? unit = null;
        var scale = 1.0;
        if (words.Remove("micros"))
        {
            (unit, scale) = ("seconds", 1e-6);
        }
        else if (words.Contains("latency") || words.Contains("age") || words is [.., "time"])
        {
            (unit, scale) = ("seconds", 1e-3);
        }
        words.RemoveAll(w => w == "total");
        if (unit is not null)
            words.Add(unit);
        if (words is [.., "count" or "sum" or "bucket"])
            words.Add("current");
        return ($"{Prefix}{Scope(group)}_{string.Join('_', words)}", scale);
    }

    /// <summary><c>stream-thread-metrics</c> to <c>thread</c>, <c>stream-librdkafka-consumer-metrics</c> to <c>librdkafka_consumer</c>, <c>stream-metrics</c> to <c>client</c>.</summary>
    public static string Scope(string group)
    {
        var scope = group;
        if (scope.StartsWith("stream-", StringComparison.Ordinal)) scope = scope["stream-".Length..];
        if (scope.EndsWith("-metrics", StringComparison.Ordinal)) scope = scope[..^"-metrics".Length];
        if (scope is "metrics" or "stream" or "") scope = "client";
        return MetricNaming.ToSnakeCase(scope);
    }
}
