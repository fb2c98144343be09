using StreamFinance.Benchmarks;
using StreamFinance.Host.Runtime;

// The host's handling of SIGTERM and Ctrl+C: the first cancels the benchmark (exit code 0), a second (or 25 s) ends the process.
using var signals = ShutdownSignals.Listen(Console.Error);
var code = await BenchmarkCli.Build().Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { ProcessTerminationTimeout = null }, signals.Token);
return signals.Token.IsCancellationRequested ? 0 : code;
