using System.CommandLine;
using StreamFinance.Host.Configuration;

namespace StreamFinance.Host.Cli;

/// <summary>The configuration options a command accepts (--config, --set and the address shortcuts), and how they become settings.</summary>
public sealed class SettingsOptions
{
    private readonly Option<FileInfo?> config = CommonOptions.Config();
    private readonly Option<string[]> set = CommonOptions.Set();
    private readonly Option<string?> bootstrap = CommonOptions.BootstrapServers();
    private readonly Option<string?> registry = CommonOptions.SchemaRegistry();
    private readonly bool withAddresses;

    /// <summary>Adds the options to <paramref name="command"/>; the address shortcuts only where the command talks to a real stack.</summary>
    public SettingsOptions(Command command, bool withAddresses)
    {
        this.withAddresses = withAddresses;
        command.Options.Add(config);
        command.Options.Add(set);
        if (!withAddresses) return;
        command.Options.Add(bootstrap);
        command.Options.Add(registry);
    }

    /// <summary>Loads and validates settings; <paramref name="forced"/> wins over everything the user gave.</summary>
    public StreamFinanceSettings Load(ParseResult parse, IReadOnlyDictionary<string, string?>? forced = null)
    {
        var overrides = SettingsLoader.ParseAssignments(parse.GetValue(set) ?? []);
        if (withAddresses)
        {
            if (parse.GetValue(bootstrap) is { } servers) overrides["Kafka:BootstrapServers"] = servers;
            if (parse.GetValue(registry) is { } url) overrides["SchemaRegistry:Url"] = url;
        }
        foreach (var (key, value) in forced ?? new Dictionary<string, string?>())
            overrides[key] = value;
        return SettingsLoader.Load(parse.GetValue(config)?.FullName, overrides);
    }
}
