using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Host.Catalog;
using StreamFinance.Host.Configuration;
using StreamFinance.Host.Provisioning;
using StreamFinance.Host.Runtime;
using StreamFinance.Topologies;
using StreamFinance.Kafka.Docs;
using StreamFinance.Kafka.SerDes;

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
        var command = new Command("list", "Print every catalog topic with its key, value schema, partitions, cleanup policy, retention, what writes and reads it, and whether it is planned (nothing writes it yet).");
        var format = new Option<string>("--format") { Description = "table (default) or markdown.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "markdown");
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var usage = ProductTopicUsage.Shipped();
            output.Write(parse.GetValue(format) == "markdown" ? TopicCatalogPrinter.Markdown(usage) : TopicCatalogPrinter.Table(usage));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Apply()
    {
        var command = new Command("apply", "Create missing topics on Kafka with their configs (idempotent), report mismatches, and register each value schema under <topic>-value. Planned topics (nothing writes them yet) are left out.");
        var verbose = new Option<bool>("--verbose") { Description = "List topics that are already as wanted too." };
        var noSchemas = new Option<bool>("--no-schemas") { Description = "Do not register the value schemas." };
        var brokerControl = new Option<string?>("--broker-control")
        {
            Description = "Create the topics on an embedded broker (streamfinance broker) through its control channel URL instead of on Kafka.",
        };
        command.Options.Add(verbose);
        command.Options.Add(noSchemas);
        command.Options.Add(brokerControl);
        var settingsOptions = new SettingsOptions(command, withAddresses: true);
        command.SetAction(async (parse, ct) =>
        {
            var settings = settingsOptions.Load(parse);
            var output = parse.InvocationConfiguration.Output;
            var control = parse.GetValue(brokerControl);
            var registerSchemas = !parse.GetValue(noSchemas);
            if (control is null)
                await DependencyProbe.CheckAsync(settings.Kafka, settings.SchemaRegistry, ct);
            else if (registerSchemas)
                await DependencyProbe.CheckRegistryAsync(settings.SchemaRegistry, ct);
            var serDes = SerDesFactory.FromOptions(settings.SchemaRegistry);
            ITopicProvisioner provisioner = control is null ? new KafkaAdminProvisioner(settings.Kafka) : new BrokerControlProvisioner(control);
            var usage = ConfiguredUsage(settings);
            var outcomes = await provisioner.ApplyAsync(RequiredTopics.For(settings.Streams, TopologyCatalog.All, serDes, usage, settings.Audit), ct);
            TopicReport.Write(output, provisioner.Target, outcomes, parse.GetValue(verbose) ? TopicReport.Detail.All : TopicReport.Detail.Changes);
            var failed = outcomes.Any(o => o.Action is ProvisionAction.Failed or ProvisionAction.Mismatch);
            if (registerSchemas)
                failed |= !await SchemaRegistration.RegisterAllAsync(serDes.Registry, usage.InUse, output, ct);
            return failed ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    // The shipped product plus the deployment's connectors, whose profiles are loaded only when a connector needs one.
    private static TopicUsage ConfiguredUsage(StreamFinanceSettings settings)
    {
        if (!settings.Connectors.Values.Any(c => c.Enabled && c.Kind is not (null or ConnectorKind.Generator)))
            return ProductTopicUsage.ForPipeline(TopologyCatalog.All, settings.Connectors);
        using var mapping = ConnectorMapping.Load(settings, NullLoggerFactory.Instance);
        return ProductTopicUsage.ForPipeline(TopologyCatalog.All, settings.Connectors, mapping.Mappers);
    }
}
