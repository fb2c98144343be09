using System.Diagnostics;

namespace StreamFinance.Benchmarks.ExpensePipeline;

/// <summary>
/// Times a path in its steady state: the clock starts once the first <c>warmup</c> records are through (while the JIT
/// tiers the code up, which took up to 60% of a core in the first seconds of a run, and the clients fill their
/// buffers) and stops when the last one is, reading a counter (broker round trips) every 20 ms.
/// </summary>
internal static class SteadyState
{
    public static async Task<Throughput> MeasureAsync(string label, Func<long> count, long total, long warmup, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        long done;
        while ((done = count()) < warmup)
            await WaitAsync(label, done, total, deadline, timeout, ct);
        var clock = Stopwatch.StartNew();
        var cpu = Throughput.ProcessCpu();
        var from = done;
        while ((done = count()) < total)
            await WaitAsync(label, done, total, deadline, timeout, ct);
        return new Throughput(label, total - from, clock.Elapsed, Throughput.ProcessCpu() - cpu);
    }

    private static Task WaitAsync(string label, long done, long total, DateTime deadline, TimeSpan timeout, CancellationToken ct) =>
        DateTime.UtcNow > deadline
            ? throw new TimeoutException($"{label}: {done:N0} of {total:N0} records within {timeout.TotalMinutes:0} minutes.")
            : Task.Delay(20, ct);
}
