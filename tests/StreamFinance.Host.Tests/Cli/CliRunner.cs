using StreamFinance.Host.Cli;

namespace StreamFinance.Host.Tests.Cli;

/// <summary>Runs the real command line in process and captures what it prints.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await StreamFinanceCli.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return new Result(code, output.ToString(), error.ToString());
    }
}
