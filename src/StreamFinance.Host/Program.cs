using StreamFinance.Host.Cli;
using StreamFinance.Host.Runtime;

using var signals = ShutdownSignals.Listen(Console.Error);
return await StreamFinanceCli.RunAsync(args, ct: signals.Token);
