using System.Diagnostics;
using StreamFinance.Host.Tests.Cli;

namespace StreamFinance.Host.Tests.Support;

/// <summary>
/// Runs the built <c>streamfinance</c> executable (copied beside the tests) as a child process, for what only a real
/// process shows: its exit code after an unhandled exception (134, SIGABRT), and everything it prints, log included.
/// </summary>
internal static class ExecutableRun
{
    public static async Task<CliRunner.Result> RunAsync(TimeSpan timeout, params string[] args)
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
        using var process = Process.Start(start) ?? throw new InvalidOperationException("streamfinance did not start.");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"streamfinance {string.Join(' ', args)} still ran after {timeout}. Output: {await output} Error: {await error}");
        }
        return new CliRunner.Result(process.ExitCode, await output, await error);
    }
}
