using System.Diagnostics;

namespace StreamFinance.Benchmarks.Load;

/// <summary>
/// An open-loop load generator: request <c>i</c> is due at <c>start + i / rate</c> whether or not earlier requests have
/// been answered, and is sent from one paced thread without waiting for its answer. Latency is counted from the due
/// time, so a slow server cannot slow the load down and hide its own stalls (coordinated omission). Requests are
/// encoded once and sent over a <see cref="HttpConnectionPool"/> whose only allocations per request are its async state
/// machines (under 1 KB), so the generator's own garbage collections stay out of the figures (as with wrk2).
/// </summary>
internal sealed class OpenLoopLoad(HttpConnectionPool pool, IReadOnlyList<RequestTemplate> mix, string host)
{
    private readonly byte[][] encoded = mix.Select(request => request.Encode(host)).ToArray();

    /// <summary>Runs <paramref name="rate"/> requests per second for <paramref name="duration"/>, cycling through the mix.</summary>
    public async Task<LoadResult> RunAsync(string label, int rate, TimeSpan duration, CancellationToken ct)
    {
        var count = (int)Math.Max(1, Math.Round(rate * duration.TotalSeconds));
        var latencies = new long[count];
        var sendLags = new long[count];
        var statuses = new int[count];
        var pending = count;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ticksPerRequest = (double)Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 100; // 10 ms to let the pacing thread start

        var pacer = new Thread(() =>
        {
            PreciseSleep.ReduceTimerSlackOfThisThread();
            for (var i = 0; i < count && !ct.IsCancellationRequested; i++)
            {
                var due = start + (long)(i * ticksPerRequest);
                PreciseSleep.Sleep(due - Stopwatch.GetTimestamp());
                sendLags[i] = Math.Max(0, Stopwatch.GetTimestamp() - due);
                _ = SendAsync(i, due);
            }
        })
        {
            IsBackground = true,
            Priority = ThreadPriority.Highest,
            Name = $"load {label}",
        };

        async Task SendAsync(int i, long due)
        {
            try
            {
                var status = await pool.SendAsync(encoded[i % encoded.Length], ct);
                latencies[i] = Stopwatch.GetTimestamp() - due;
                statuses[i] = status;
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                latencies[i] = Stopwatch.GetTimestamp() - due;
                statuses[i] = 0;
            }
            finally
            {
                if (Interlocked.Decrement(ref pending) == 0)
                    done.TrySetResult();
            }
        }

        var cost = RunCost.Start();
        pacer.Start();
        await done.Task.WaitAsync(duration + TimeSpan.FromSeconds(60), ct);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var kinds = Enumerable.Range(0, count).Select(i => mix[i % mix.Count].Kind).ToArray();
        return new LoadResult(label, rate, latencies, sendLags, statuses, kinds, elapsed, cost.Stop());
    }
}
