using System.Diagnostics;
using System.Runtime.InteropServices;

namespace StreamFinance.Benchmarks.Load;

/// <summary>
/// Sleeps shorter than a millisecond. <see cref="Thread.Sleep(TimeSpan)"/> works in whole milliseconds, too coarse to
/// pace 2,000 requests a second; on Linux this calls <c>nanosleep</c> after lowering the thread's timer slack, which
/// wakes within tens of microseconds. Elsewhere it falls back to <see cref="Thread.Sleep(int)"/>.
/// </summary>
internal static partial class PreciseSleep
{
    private const int SetTimerSlack = 29; // PR_SET_TIMERSLACK

    /// <summary>Asks the kernel to wake this thread as close to its deadline as it can (1 ns slack instead of 50 us).</summary>
    public static void ReduceTimerSlackOfThisThread()
    {
        if (OperatingSystem.IsLinux())
            _ = prctl(SetTimerSlack, 1, 0, 0, 0);
    }

    /// <summary>Sleeps about <paramref name="stopwatchTicks"/> (<see cref="Stopwatch"/> ticks).</summary>
    public static void Sleep(long stopwatchTicks)
    {
        if (stopwatchTicks <= 0)
            return;
        if (!OperatingSystem.IsLinux())
        {
            Thread.Sleep(TimeSpan.FromSeconds((double)stopwatchTicks / Stopwatch.Frequency));
            return;
        }
        var nanoseconds = (long)(stopwatchTicks * (1_000_000_000.0 / Stopwatch.Frequency));
        var request = new Timespec { Seconds = nanoseconds / 1_000_000_000, Nanoseconds = nanoseconds % 1_000_000_000 };
        _ = nanosleep(in request, IntPtr.Zero);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int nanosleep(in Timespec request, IntPtr remaining);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);
}
