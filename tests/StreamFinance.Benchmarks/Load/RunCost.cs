using System.Diagnostics;

namespace StreamFinance.Benchmarks.Load;

/// <summary>What a run cost this process: CPU (in cores busy on average), bytes allocated, and garbage collections with their total pause.</summary>
internal sealed record RunCost(double CpuCores, int Gen0, int Gen1, int Gen2, TimeSpan GcPause, long AllocatedBytes)
{
    /// <summary>Starts measuring; <see cref="Snapshot.Stop"/> gives the cost since.</summary>
    public static Snapshot Start() => new(Process.GetCurrentProcess().TotalProcessorTime, Stopwatch.GetTimestamp(),
        GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: true));

    /// <summary>The counters at the start of a run.</summary>
    internal sealed record Snapshot(TimeSpan Cpu, long Timestamp, int Gen0, int Gen1, int Gen2, TimeSpan Pause, long Allocated)
    {
        public RunCost Stop()
        {
            var wall = Stopwatch.GetElapsedTime(Timestamp);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - Cpu;
            return new RunCost(cpu / wall, GC.CollectionCount(0) - Gen0, GC.CollectionCount(1) - Gen1, GC.CollectionCount(2) - Gen2, GC.GetTotalPauseDuration() - Pause,
                GC.GetTotalAllocatedBytes(precise: true) - Allocated);
        }
    }
}
