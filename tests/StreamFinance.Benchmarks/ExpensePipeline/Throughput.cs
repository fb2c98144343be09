using System.Globalization;

namespace StreamFinance.Benchmarks.ExpensePipeline;

/// <summary>Records moved in a measured span of wall time.</summary>
internal sealed record Throughput(string Label, long Records, TimeSpan Elapsed)
{
    /// <summary>Records per second.</summary>
    public double PerSecond => Records / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Label,-34} {Records,9:N0} records in {Elapsed.TotalSeconds,7:0.00} s = {PerSecond,10:N0} records/s");
}
