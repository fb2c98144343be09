using System.Runtime.InteropServices;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Host.Runtime;

namespace StreamFinance.Host.Tests.Runtime;

public sealed class ShutdownSignalsTests
{
    private readonly StringWriter error = new();
    private readonly FakeTimeProvider clock = new();
    private readonly List<int> exits = [];

    private ShutdownSignals Signals() => new(error, TimeSpan.FromSeconds(25), exits.Add, clock);

    [Fact]
    public async Task The_first_signal_asks_for_a_clean_stop_and_says_so_on_one_line()
    {
        using var signals = Signals();

        signals.Receive(PosixSignal.SIGTERM);

        await WaitCancelledAsync(signals.Token);
        Assert.Empty(exits);
        Assert.Equal("streamfinance: SIGTERM received, stopping cleanly (at most 25 s; send it again to stop at once).", error.ToString().Trim());
    }

    [Fact]
    public async Task A_second_signal_ends_the_process_at_once_with_code_130()
    {
        using var signals = Signals();

        signals.Receive(PosixSignal.SIGINT);
        await WaitCancelledAsync(signals.Token);
        signals.Receive(PosixSignal.SIGINT);

        Assert.Equal([ShutdownSignals.ForcedExitCode], exits);
        Assert.Contains("SIGINT received again, stopping at once", error.ToString());
    }

    [Fact]
    public async Task A_clean_stop_that_outlasts_the_grace_period_ends_the_process_with_code_1()
    {
        using var signals = Signals();
        signals.Receive(PosixSignal.SIGTERM);
        await WaitCancelledAsync(signals.Token);

        clock.Advance(TimeSpan.FromSeconds(24));
        Assert.Empty(exits);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([ShutdownSignals.TimedOutExitCode], exits);
        Assert.Contains("did not stop within 25 s", error.ToString());
    }

    [Fact]
    public void Without_a_signal_nothing_is_cancelled_however_long_it_runs()
    {
        using var signals = Signals();

        clock.Advance(TimeSpan.FromDays(1));

        Assert.False(signals.Token.IsCancellationRequested);
        Assert.Empty(exits);
    }

    private static async Task WaitCancelledAsync(CancellationToken token)
    {
        // Cancelled off the signal thread; a real wait, bounded.
        var cancelled = new TaskCompletionSource();
        await using var registration = token.Register(() => cancelled.TrySetResult());
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }
}
