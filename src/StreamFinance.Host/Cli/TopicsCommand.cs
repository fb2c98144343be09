using System.CommandLine;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Host.Provisioning;
using StreamFinance.Host.Runtime;
using StreamFinance.Topologies;
using StreamFinance.Topologies.Docs;
using StreamFinance.Topologies.SerDes;

namespace StreamFinance.Host.Cli;

/// <summary><c>streamfinance topics list|apply</c>: the topic catalog, printed or created on Kafka.</summary>
public static class TopicsCommand
{
    /// <summary>Builds the command and its sub-commands.</summary>
    public static Command Create()
    {
        var topics = new Command("topics", "The topic catalog: list it, or create it on Kafka.");
        topics.Subcommands.Add(List());
        topics.Subcommands.Add(Apply());
        return topics;
    }

    private static Command List()
    {
        var command = new Command("list", "Print every catalog topic with its key, value schema, partitions, cleanup policy and retention.");
        var format = new Option<string>("--format") { Description = "table (default) or markdown.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "markdown");
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            output.Write(parse.GetValue(format) == "markdown" ? TopicCatalogPrinter.Markdown(Topics.All) : TopicCatalogPrinter.Table(Topics.All));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Apply()
    {
        var command = new Command("apply", "Create missing topics on Kafka with their configs (idempotent), report mismatches, and register each value schema under <topic>-value.");
        var verbose = new Option<bool>("--verbose") { Description = "List topics that are already as wanted too." };
        var noSchemas = new Option<bool>("--no-schemas") { Description = "Do not register the value schemas." };
        command.Options.Add(verbose);
        command.Options.Add(noSchemas);
        var settingsOptions = new SettingsOptions(command, withAddresses: true);
        command.SetAction(async (parse, ct) =>
        {
            var settings = settingsOptions.Load(parse);
            var output = parse.InvocationConfiguration.Output;
            await DependencyProbe.CheckAsync(settings.Kafka, settings.SchemaRegistry, ct);
            var serDes = SerDesFactory.FromOptions(settings.SchemaRegistry);
            var provisioner = new KafkaAdminProvisioner(settings.Kafka);
            var outcomes = await provisioner.ApplyAsync(RequiredTopics.For(settings.Streams, TopologyCatalog.All, serDes), ct);
            TopicReport.Write(output, provisioner.Target, outcomes, parse.GetValue(verbose) ? TopicReport.Detail.All : TopicReport.Detail.Changes);
            var failed = outcomes.Any(o => o.Action is ProvisionAction.Failed or ProvisionAction.Mismatch);
            if (!parse.GetValue(noSchemas))
                failed |= !await SchemaRegistration.RegisterAllAsync(serDes.Registry, Topics.All, output, ct);
            return failed ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
