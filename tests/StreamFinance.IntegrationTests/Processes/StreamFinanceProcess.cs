using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using StreamFinance.TestSupport.Waiting;

namespace StreamFinance.IntegrationTests.Processes;

/// <summary>
/// The built <c>streamfinance</c> executable (copied beside the tests) running as a child process, as an operator or a
/// container runtime runs it: its output is collected line by line, it can be sent a POSIX signal, and its exit is
/// awaited with a bound. Disposing kills it if it still runs.
/// </summary>
public sealed class StreamFinanceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly string name;

    private StreamFinanceProcess(Process process, string name)
    {
        this.process = process;
        this.name = name;
    }

    /// <summary>Every line printed so far, stdout and stderr interleaved as they arrived.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
                return lines.ToList();
        }
    }

    /// <summary>Everything printed so far, one line each.</summary>
    public string Output => string.Join(Environment.NewLine, Lines);

    /// <summary>The process id.</summary>
    public int Id => process.Id;

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>Starts <c>streamfinance</c> with <paramref name="args"/>.</summary>
    public static StreamFinanceProcess Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts <c>streamfinance</c> with <paramref name="args"/> and <paramref name="environment"/> added to this process's environment.</summary>
    public static StreamFinanceProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "streamfinance"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        var process = new Process { StartInfo = start };
        var child = new StreamFinanceProcess(process, $"streamfinance {args[0]}");
        process.OutputDataReceived += (_, e) => child.Add(e.Data);
        process.ErrorDataReceived += (_, e) => child.Add(e.Data);
        if (!process.Start())
            throw new InvalidOperationException("streamfinance did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until a line matches <paramref name="pattern"/>; returns its first group (or the whole match).</summary>
    public async Task<string> WaitForLineAsync(string pattern, TimeSpan timeout)
    {
        var regex = new Regex(pattern);
        var match = await Wait.UntilAsync($"{name} to print a line like '{pattern}'", timeout,
            () => Task.FromResult(Lines.Select(line => regex.Match(line)).FirstOrDefault(m => m.Success)),
            found => found is not null, _ => $"{Lines.Count} line(s), none like it",
            stopped: () => process.HasExited ? $"{name} exited with code {process.ExitCode}" : null,
            detail: () => $"Output:{Environment.NewLine}{Tail()}");
        return match!.Groups.Count > 1 ? match.Groups[1].Value : match.Value;
    }

    /// <summary>Sends SIGTERM (15), as <c>docker stop</c>, Kubernetes and systemd do.</summary>
    public void Terminate() => Signal(15);

    /// <summary>Sends SIGKILL (9), as the kernel's OOM killer or a power cut ends a process: no handler runs, nothing is flushed.</summary>
    public void Crash() => Signal(9);

    /// <summary>Sends SIGINT (2), as Ctrl+C in a terminal does.</summary>
    public void Interrupt() => Signal(2);

    /// <summary>Waits for the exit; returns the exit code and how long it took, or null when it still ran after <paramref name="timeout"/>.</summary>
    public async Task<(int ExitCode, TimeSpan Took)?> WaitForExitAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return null;
        }
        // The asynchronous readers finish with the process; this waits for their last lines.
        process.WaitForExit();
        return (process.ExitCode, clock.Elapsed);
    }

    /// <summary>For failure messages: the last 60 lines, and before them the last 40 that are not a connector's per-file lines.</summary>
    public string Tail()
    {
        var lines = Lines;
        var others = lines.Where(l => !l.Contains("StreamFinance.Connectors.", StringComparison.Ordinal)).TakeLast(40);
        return string.Join(Environment.NewLine, others.Append("...").Concat(lines.TakeLast(60)));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
        process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
            return;
        lock (lines)
            lines.Add(line);
    }

    private void Signal(int signal)
    {
        if (Kill(process.Id, signal) != 0)
            throw new InvalidOperationException($"kill({process.Id}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
