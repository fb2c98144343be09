using System.Diagnostics;
using System.Globalization;

namespace StreamFinance.Benchmarks.Load;

/// <summary>
/// What one open-loop run measured. Latency is from each request's scheduled send time to its last response byte, so a
/// stall delays every request scheduled during it (no coordinated omission); send lag is how late the generator itself
/// sent, a part of that latency the server is not responsible for.
/// </summary>
internal sealed class LoadResult
{
    private readonly double[] latenciesMs;
    private readonly double[] sendLagMs;
    private readonly Dictionary<string, double[]> latenciesByKind;

    public LoadResult(string label, int targetRate, long[] latencyTicks, long[] sendLagTicks, int[] statuses, string[] kinds, TimeSpan elapsed, RunCost cost)
    {
        Unanswered = Enumerable.Range(0, statuses.Length).Where(i => statuses[i] is < 200 or >= 300)
            .GroupBy(i => (kinds[i], statuses[i])).ToDictionary(g => g.Key, g => g.Count());
        Cost = cost;
        Label = label;
        TargetRate = targetRate;
        Scheduled = latencyTicks.Length;
        var completed = Enumerable.Range(0, latencyTicks.Length).Where(i => statuses[i] is >= 200 and < 300).ToArray();
        Completed = completed.Length;
        StatusCounts = statuses.GroupBy(s => s).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
        latenciesMs = completed.Select(i => Ms(latencyTicks[i])).Order().ToArray();
        latenciesByKind = completed.GroupBy(i => kinds[i]).ToDictionary(g => g.Key, g => g.Select(i => Ms(latencyTicks[i])).Order().ToArray());
        sendLagMs = sendLagTicks.Select(Ms).Order().ToArray();
        Elapsed = elapsed;
    }

    public string Label { get; }

    /// <summary>CPU and garbage collections of this process during the run (client, server, broker and topology together).</summary>
    public RunCost Cost { get; }

    public int TargetRate { get; }

    /// <summary>Requests scheduled.</summary>
    public int Scheduled { get; }

    /// <summary>Requests answered 2xx.</summary>
    public int Completed { get; }

    /// <summary>How many requests got each status (0: no response, the request failed).</summary>
    public IReadOnlyDictionary<int, int> StatusCounts { get; }

    /// <summary>Requests not answered 2xx, by request kind and status (0: failed without a response).</summary>
    public IReadOnlyDictionary<(string Kind, int Status), int> Unanswered { get; }

    /// <summary>From the first scheduled send to the last response.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>2xx answers per second over <see cref="Elapsed"/>.</summary>
    public double AchievedRate => Completed / Elapsed.TotalSeconds;

    /// <summary>Latency at quantile <paramref name="q"/> (nearest rank), ms.</summary>
    public double Latency(double q) => Percentile(latenciesMs, q);

    /// <summary>Send lag at quantile <paramref name="q"/> (nearest rank), ms.</summary>
    public double SendLag(double q) => Percentile(sendLagMs, q);

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Label,-22} target {TargetRate}/s, achieved {AchievedRate:0}/s ({Completed} of {Scheduled} answered 2xx in {Elapsed.TotalSeconds:0.0} s; statuses {Statuses()})\n" +
        $"{"",-22} latency ms  p50 {Latency(0.50):0.000}  p90 {Latency(0.90):0.000}  p99 {Latency(0.99):0.000}  p99.9 {Latency(0.999):0.000}  max {Latency(1.0):0.000}\n" +
        $"{ByKind()}" +
        $"{"",-22} send lag ms p50 {SendLag(0.50):0.000}  p99 {SendLag(0.99):0.000}  max {SendLag(1.0):0.000}\n" +
        $"{"",-22} process CPU {Cost.CpuCores * 100:0}% of one core; GCs gen0 {Cost.Gen0} gen1 {Cost.Gen1} gen2 {Cost.Gen2}, pause {Cost.GcPause.TotalMilliseconds:0.0} ms; {Allocation()}");

    private string ByKind() => latenciesByKind.Count < 2
        ? ""
        : string.Create(CultureInfo.InvariantCulture,
            $"{"",-22} p99 by kind {string.Join(", ", latenciesByKind.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} {Percentile(k.Value, 0.99):0.000}")))}\n");

    // The runtime's allocation counter is not always monotonic under server GC; a negative difference gives no figure.
    private string Allocation() => Cost.AllocatedBytes >= 0
        ? string.Create(CultureInfo.InvariantCulture, $"allocated {Cost.AllocatedBytes / Math.Max(1, Scheduled):N0} bytes per request (client and server)")
        : "allocation not measurable in this run";

    private string Statuses() =>
        string.Join(", ", StatusCounts.Select(s => $"{(s.Key == 0 ? "failed" : s.Key.ToString(CultureInfo.InvariantCulture))}: {s.Value}")) +
        (Unanswered.Count == 0 ? "" : "; not 2xx: " + string.Join(", ", Unanswered.Select(u => $"{u.Key.Kind} {u.Key.Status} x{u.Value}")));

    private static double Percentile(double[] sorted, double q)
    {
        if (sorted.Length == 0)
            return double.NaN;
        var rank = (int)Math.Ceiling(q * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
