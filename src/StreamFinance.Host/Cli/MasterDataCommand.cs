using System.CommandLine;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Host.Inspection;
using StreamFinance.Host.Runtime;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Host.Cli;

/// <summary><c>streamfinance md get|dump</c>: inspect the canonical master-data topics from the command line, as JSON.</summary>
public static class MasterDataCommand
{
    /// <summary>Builds the command and its sub-commands.</summary>
    public static Command Create()
    {
        var md = new Command("md", "Inspect the compacted master-data topics (md.*).");
        md.Subcommands.Add(Get());
        md.Subcommands.Add(Dump());
        return md;
    }

    private static Argument<string> TopicArgument()
    {
        var topic = new Argument<string>("topic") { Description = "A master-data topic, e.g. md.cost-centers." };
        topic.Validators.Add(r =>
        {
            var name = r.GetValueOrDefault<string>();
            if (!InspectableTopics.Any(t => t.Name == name))
                r.AddError($"'{name}' is not a master-data topic; use one of {string.Join(", ", InspectableTopics.Select(t => t.Name))}.");
        });
        return topic;
    }

    private static Command Get()
    {
        var command = new Command("get", "Print the current value of one key as JSON; exit 1 when the key is absent.");
        var topic = TopicArgument();
        var key = new Argument<string>("key") { Description = "Business key, e.g. CC-1042." };
        command.Arguments.Add(topic);
        command.Arguments.Add(key);
        var settingsOptions = new SettingsOptions(command, withAddresses: true);
        command.SetAction(async (parse, ct) =>
        {
            var table = await ReadAsync(settingsOptions, parse, Topics.ByName(parse.GetValue(topic)!), ct);
            var wanted = parse.GetValue(key)!;
            var found = table.FirstOrDefault(kv => kv.Key == wanted);
            if (found.Value is null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"streamfinance: key '{wanted}' is not in {parse.GetValue(topic)} ({table.Count} keys).");
                return ExitCodes.Failed;
            }
            parse.InvocationConfiguration.Output.WriteLine(AvroJsonWriter.ToJson(found.Value, indented: true));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Dump()
    {
        var command = new Command("dump", "Print every current key and value as JSON lines, ordered by key.");
        var topic = TopicArgument();
        command.Arguments.Add(topic);
        var settingsOptions = new SettingsOptions(command, withAddresses: true);
        command.SetAction(async (parse, ct) =>
        {
            var table = await ReadAsync(settingsOptions, parse, Topics.ByName(parse.GetValue(topic)!), ct);
            var output = parse.InvocationConfiguration.Output;
            foreach (var (k, v) in table)
                output.WriteLine($"{{\"key\":{System.Text.Json.JsonSerializer.Serialize(k)},\"value\":{AvroJsonWriter.ToJson(v)}}}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<IReadOnlyList<KeyValuePair<string, Avro.Specific.ISpecificRecord>>> ReadAsync(
        SettingsOptions settingsOptions, ParseResult parse, TopicSpec topic, CancellationToken ct)
    {
        var settings = settingsOptions.Load(parse);
        await DependencyProbe.CheckAsync(settings.Kafka, settings.SchemaRegistry, ct);
        var reader = new CompactedTopicReader(settings.Kafka, SerDesFactory.FromOptions(settings.SchemaRegistry));
        return await Task.Run(() => reader.ReadAll(topic, ct), ct);
    }

    /// <summary>The topics <c>md get</c> and <c>md dump</c> read: every compacted <c>md.*</c> topic.</summary>
    internal static IReadOnlyList<TopicSpec> InspectableTopics { get; } =
        Topics.All.Where(t => t.Name.StartsWith("md.", StringComparison.Ordinal) && t.Cleanup == CleanupPolicy.Compact).ToList();
}
