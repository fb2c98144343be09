using System.CommandLine;
using StreamFinance.Host.Configuration;

namespace StreamFinance.Host.Cli;

/// <summary>
/// The <c>streamfinance</c> command line: builds the command tree, parses, and turns failures into one-line
/// messages with the exit codes of <see cref="ExitCodes"/>.
/// </summary>
public static class StreamFinanceCli
{
    /// <summary>The full command tree.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("StreamFinance: the streaming backbone that keeps ERP, expense and procurement platforms in sync.");
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(BrokerCommand.Create());
        root.Subcommands.Add(TopicsCommand.Create());
        root.Subcommands.Add(TopicCommand.Create());
        root.Subcommands.Add(MasterDataCommand.Create());
        root.Subcommands.Add(DocsCommand.Create());
        root.Subcommands.Add(DeadLetterCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        return root;
    }

    /// <summary>Parses and runs; writes errors to <paramref name="error"/> (stderr by default).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken ct = default)
    {
        error ??= Console.Error;
        output ??= Console.Out;
        var parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            var path = CommandPath(parse.CommandResult);
            if (parse.UnmatchedTokens.Count > 0)
            {
                error.WriteLine($"streamfinance: unknown command or option '{parse.UnmatchedTokens[0]}' (see 'streamfinance {path}--help')");
                return ExitCodes.Usage;
            }
            error.WriteLine($"streamfinance: {Subject(parse.Errors[0])}{OneLine(parse.Errors[0].Message)} (see 'streamfinance {path}--help')");
            return ExitCodes.Usage;
        }
        try
        {
            // No termination handling of System.CommandLine's own: the caller's token is the stop signal (Program
            // cancels it on SIGTERM and Ctrl+C through ShutdownSignals), and commands stop cleanly when it is cancelled.
            var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parse.InvokeAsync(invocation, ct);
        }
        catch (ConfigurationException e)
        {
            foreach (var problem in e.Problems)
                error.WriteLine($"streamfinance: configuration error: {OneLine(problem)}");
            return ExitCodes.Usage;
        }
        catch (DependencyUnavailableException e)
        {
            error.WriteLine($"streamfinance: {OneLine(e.Message)}");
            return ExitCodes.Unavailable;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }
    }

    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (var r = result; r is not null && r.Parent is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, r.Command.Name);
        return names.Count == 0 ? "" : string.Join(' ', names) + " ";
    }

    // Names the option a value was given to, so that "Argument '2' not recognized" says it was --brokers.
    private static string Subject(System.CommandLine.Parsing.ParseError error) => error.SymbolResult switch
    {
        System.CommandLine.Parsing.OptionResult o when !error.Message.Contains(o.Option.Name, StringComparison.Ordinal) => $"{o.Option.Name}: ",
        System.CommandLine.Parsing.ArgumentResult { Parent: System.CommandLine.Parsing.OptionResult o } when !error.Message.Contains(o.Option.Name, StringComparison.Ordinal) => $"{o.Option.Name}: ",
        _ => "",
    };

    // One line, with any credentials written into a URL masked (a message may quote SchemaRegistry:Url).
    private static string OneLine(string message) =>
        Logging.UrlCredentials.Mask(string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
}
