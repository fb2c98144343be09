using System.Diagnostics;

namespace StreamFinance.Connectors.Tests.Fuzzing;

/// <summary>
/// Feeds a target <see cref="FuzzSettings.Inputs"/> generated inputs on a thread of its own, watched: an exception that
/// escapes the target, or an input that does not finish within the hang limit, fails the test naming the target, the
/// seed and the input's number (and its first bytes), so that it can be pinned as a regression test. The figures are
/// written to the test output and, when <c>STREAMFINANCE_FUZZ_REPORT</c> names a file, appended to it.
/// </summary>
internal static class FuzzCampaign
{
    /// <summary>Environment variable: a file the report lines are appended to.</summary>
    public const string ReportVariable = "STREAMFINANCE_FUZZ_REPORT";

    /// <summary>Longest one input may take before it counts as a hang: generous, because CI machines are shared.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Runs <paramref name="consume"/> over the inputs <paramref name="generate"/> makes from the seed and each input's
    /// number; <paramref name="consume"/> is given the number too, so both can pick the same sample group.
    /// </summary>
    public static FuzzReport Run(string target, Func<int, int, byte[]> generate, Func<int, byte[], FuzzOutcome> consume)
    {
        var (seed, inputs) = (FuzzSettings.Seed, FuzzSettings.Inputs);
        long records = 0, failures = 0;
        var neither = 0;
        var current = -1;
        var started = 0L;
        var slowest = 0L;
        byte[] input = [];
        Exception? escaped = null;
        var watch = Stopwatch.StartNew();
        var worker = new Thread(() =>
        {
            for (var i = 0; i < inputs; i++)
            {
                input = generate(seed, i);
                Volatile.Write(ref started, Stopwatch.GetTimestamp());
                Volatile.Write(ref current, i);
                try
                {
                    var outcome = consume(i, input);
                    records += outcome.Records;
                    failures += outcome.Failures;
                    if (outcome.Records + outcome.Failures == 0)
                        neither++;
                }
                catch (Exception e)
                {
                    escaped = e;
                    return;
                }
                slowest = Math.Max(slowest, Stopwatch.GetTimestamp() - Volatile.Read(ref started));
            }
        }, maxStackSize: 16 * 1024 * 1024) { IsBackground = true, Name = $"fuzz-{target}" };
        worker.Start();
        while (!worker.Join(TimeSpan.FromMilliseconds(50)))
        {
            var running = Stopwatch.GetElapsedTime(Volatile.Read(ref started));
            if (Volatile.Read(ref current) >= 0 && running > HangLimit)
                Assert.Fail($"fuzz {target}: input {Volatile.Read(ref current)} of seed {seed} has not finished after {running.TotalSeconds:0} s (a hang). {Describe(input)}");
        }
        if (escaped is not null)
            Assert.Fail($"fuzz {target}: input {current} of seed {seed} threw {escaped.GetType().FullName} instead of giving a record or a stated failure. {Describe(input)}\n{escaped}");

        var report = new FuzzReport(target, seed, inputs, records, failures, neither, watch.Elapsed, Stopwatch.GetElapsedTime(0, slowest));
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        if (Environment.GetEnvironmentVariable(ReportVariable) is { Length: > 0 } file)
            File.AppendAllLines(file, [report.ToString()]);
        return report;
    }

    private static string Describe(byte[] input) =>
        $"Input ({input.Length} bytes, first 512 as base64): {Convert.ToBase64String(input, 0, Math.Min(512, input.Length))}";
}
