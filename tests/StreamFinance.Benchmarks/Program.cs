using StreamFinance.Benchmarks;

return await BenchmarkCli.Build().Parse(args).InvokeAsync();
