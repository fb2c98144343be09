using System.Runtime.InteropServices;

namespace StreamFinance.Host.Runtime;

/// <summary>
/// The process's one answer to SIGTERM, SIGINT (Ctrl+C) and SIGQUIT: the first signal cancels <see cref="Token"/>, which
/// every command treats as "stop cleanly"; a second signal, or <see cref="Grace"/> running out, ends the process at once.
/// </summary>
/// <remarks>
/// Containers (<c>docker stop</c>, Kubernetes) and systemd send SIGTERM and, after their own grace period (10 s, 30 s,
/// 90 s by default), SIGKILL. A clean stop takes a few seconds: connectors finish the batch in hand and save their
/// positions, stream threads commit (under exactly-once, their transactions) and close, stores flush. The grace
/// given here (25 s by default) stays under Kubernetes' 30 s, so the process reports its own timeout rather than being
/// killed without a word.
/// </remarks>
public sealed class ShutdownSignals : IDisposable
{
    /// <summary>Default time a clean stop may take before the process ends anyway: 25 s.</summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(25);

    /// <summary>Exit code when a second signal ends the process: 130, as shells report an interrupted program.</summary>
    public const int ForcedExitCode = 130;

    /// <summary>Exit code when the clean stop outlasted <see cref="Grace"/>.</summary>
    public const int TimedOutExitCode = 1;

    private readonly CancellationTokenSource stopping = new();
    private readonly List<PosixSignalRegistration> registrations = [];
    private readonly TextWriter error;
    private readonly Action<int> exit;
    private readonly TimeProvider clock;
    private ITimer? deadline;
    private int received;

    /// <summary>The handling, not yet listening to the process's signals (see <see cref="Listen"/>); tests call <see cref="Receive"/>.</summary>
    /// <param name="error">Where the one-line notices go (stderr).</param>
    /// <param name="grace">How long a clean stop may take; default <see cref="DefaultGrace"/>.</param>
    /// <param name="exit">Ends the process with a code; default <see cref="Environment.Exit"/>.</param>
    /// <param name="clock">Time of the grace period; default the system clock.</param>
    public ShutdownSignals(TextWriter error, TimeSpan? grace = null, Action<int>? exit = null, TimeProvider? clock = null)
    {
        this.error = error;
        Grace = grace ?? DefaultGrace;
        this.exit = exit ?? Environment.Exit;
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>The process's handling of SIGTERM, SIGINT and SIGQUIT from now on, with notices on <paramref name="error"/>.</summary>
    public static ShutdownSignals Listen(TextWriter error)
    {
        var signals = new ShutdownSignals(error);
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT })
            signals.registrations.Add(PosixSignalRegistration.Create(signal, signals.OnSignal));
        return signals;
    }

    /// <summary>Cancelled by the first signal: stop cleanly.</summary>
    public CancellationToken Token => stopping.Token;

    /// <summary>How long a clean stop may take after the first signal.</summary>
    public TimeSpan Grace { get; }

    /// <summary>Handles one signal as if the operating system had sent it (the handler itself, for tests).</summary>
    public void Receive(PosixSignal signal)
    {
        if (Interlocked.Increment(ref received) == 1)
        {
            error.WriteLine($"streamfinance: {signal} received, stopping cleanly (at most {Grace.TotalSeconds:0} s; send it again to stop at once).");
            deadline = clock.CreateTimer(_ => GiveUp(), null, Grace, Timeout.InfiniteTimeSpan);
            // Off the signal thread: cancelling runs every registered callback, and some of them stop a host.
            _ = Task.Run(stopping.Cancel);
            return;
        }
        error.WriteLine($"streamfinance: {signal} received again, stopping at once.");
        exit(ForcedExitCode);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in registrations)
            registration.Dispose();
        deadline?.Dispose();
        stopping.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // The process ends when the command returns (or Receive ends it), not when the runtime's default handling would.
        context.Cancel = true;
        Receive(context.Signal);
    }

    private void GiveUp()
    {
        error.WriteLine($"streamfinance: did not stop within {Grace.TotalSeconds:0} s, stopping at once; the next start resumes from the last commit.");
        exit(TimedOutExitCode);
    }
}
