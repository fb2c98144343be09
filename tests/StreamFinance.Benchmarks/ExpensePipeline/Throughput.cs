using System.Globalization;

namespace StreamFinance.Benchmarks.ExpensePipeline;

/// <summary>Records moved in a measured span of wall time, and the CPU time this process (clients, broker, topologies) spent in it.</summary>
internal sealed record Throughput(string Label, long Records, TimeSpan Elapsed, TimeSpan Cpu)
{
    /// <summary>Records per second.</summary>
    public double PerSecond => Records / Math.Max(Elapsed.TotalSeconds, 1e-9);

    /// <summary>CPU microseconds per record, all threads of the process.</summary>
    public double CpuPerRecordMicros => Cpu.TotalMicroseconds / Math.Max(Records, 1);

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Label,-34} {Records,9:N0} records in {Elapsed.TotalSeconds,7:0.00} s = {PerSecond,10:N0} records/s; CPU {Cpu / Elapsed * 100,4:0}% = {CpuPerRecordMicros,5:0.0} us/record");

    /// <summary>CPU time of this process so far.</summary>
    public static TimeSpan ProcessCpu() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
}
