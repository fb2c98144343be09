using System.Diagnostics;

namespace StreamFinance.Benchmarks.Load;

/// <summary>
/// An open-loop load generator: request <c>i</c> is due at <c>start + i / rate</c> whether or not earlier requests have
/// been answered, and is sent from one paced thread without waiting for its answer. Latency is counted from the due
/// time, so a slow server cannot slow the load down and hide its own stalls (coordinated omission).
/// </summary>
internal sealed class OpenLoopLoad(HttpClient client, IReadOnlyList<RequestTemplate> mix)
{
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
                using var message = mix[i % mix.Count].ToMessage();
                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct);
                latencies[i] = Stopwatch.GetTimestamp() - due;
                statuses[i] = (int)response.StatusCode;
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
        return new LoadResult(label, rate, latencies, sendLags, statuses, elapsed, cost.Stop());
    }
}
