using StreamFinance.Host.Cli;

return await StreamFinanceCli.RunAsync(args);
