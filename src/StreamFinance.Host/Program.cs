using StreamFinance.Host.Cli;
using StreamFinance.Host.Runtime;

using var signals = new ShutdownSignals(Console.Error);
return await StreamFinanceCli.RunAsync(args, ct: signals.Token);
