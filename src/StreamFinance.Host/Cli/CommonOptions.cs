using System.CommandLine;

namespace StreamFinance.Host.Cli;

/// <summary>Options shared by several commands, declared once.</summary>
public static class CommonOptions
{
    /// <summary><c>--config FILE</c>: a JSON settings file read instead of ./appsettings.json.</summary>
    public static Option<FileInfo?> Config() => new("--config")
    {
        Description = "JSON settings file, read after the built-in appsettings.json and before environment variables.",
    };

    /// <summary><c>--set Section:Key=value</c>, repeatable: the highest-priority configuration source.</summary>
    public static Option<string[]> Set() => new("--set")
    {
        Description = "Override one setting, for example --set Streams:NumStreamThreads=2 (repeatable).",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary><c>--bootstrap-servers</c>: shortcut for Kafka:BootstrapServers.</summary>
    public static Option<string?> BootstrapServers() => new("--bootstrap-servers")
    {
        Description = "Kafka bootstrap servers (host:port,...). Shortcut for --set Kafka:BootstrapServers=...",
    };

    /// <summary><c>--schema-registry</c>: shortcut for SchemaRegistry:Url.</summary>
    public static Option<string?> SchemaRegistry() => new("--schema-registry")
    {
        Description = "Schema Registry URL. Shortcut for --set SchemaRegistry:Url=...",
    };

    /// <summary><c>--log-format simple|json</c>: shortcut for Logging:Format.</summary>
    public static Option<string?> LogFormat()
    {
        var option = new Option<string?>("--log-format")
        {
            Description = "Console log format: simple (default) or json. Shortcut for --set Logging:Format=...",
        };
        option.AcceptOnlyFromAmong("simple", "json");
        return option;
    }

    /// <summary><c>--stream-threads N</c>: shortcut for Streams:NumStreamThreads.</summary>
    public static Option<int?> StreamThreads() => new("--stream-threads")
    {
        Description = "Stream threads per topology (1 to 64; more than a topology's input partitions leaves the extra ones idle). Shortcut for --set Streams:NumStreamThreads=N.",
    };

    /// <summary><c>--duration</c>: stop by itself after this long.</summary>
    public static Option<TimeSpan?> Duration() => new("--duration")
    {
        Description = "Stop after running this long, counted once started (20, 90s, 5m, hh:mm:ss). Default: until Ctrl+C.",
        CustomParser = result =>
        {
            var token = result.Tokens.Single().Value;
            if (DurationParser.TryParse(token, out var duration, out var error))
                return duration;
            result.AddError($"--duration {error}");
            return null;
        },
    };
}
