using System.CommandLine;
using Microsoft.Extensions.Logging;
using StreamFinance.Host.Logging;
using StreamFinance.Host.Provisioning;
using StreamFinance.Host.Runtime;

namespace StreamFinance.Host.Cli;

/// <summary>
/// <c>streamfinance run</c>: the production entry point. Checks the configured Kafka and Schema Registry answer,
/// creates missing topics, and runs every topology and configured connector (mapping profiles from
/// <c>Mapping:ProfilesDirectory</c>, reloaded on edit) until stopped.
/// </summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("run", "Run StreamFinance against the configured Kafka cluster and Schema Registry.");
        var duration = CommonOptions.Duration();
        var liveView = new Option<bool>("--live-view") { Description = "Show records per topic instead of the log." };
        var brokerControl = new Option<string?>("--broker-control")
        {
            Description = "The Kafka cluster is an embedded broker (streamfinance broker): create topics through its control channel URL, since the mock has no Admin API.",
        };
        var logFormat = CommonOptions.LogFormat();
        var streamThreads = CommonOptions.StreamThreads();
        command.Options.Add(duration);
        command.Options.Add(streamThreads);
        command.Options.Add(liveView);
        command.Options.Add(brokerControl);
        command.Options.Add(logFormat);
        var settingsOptions = new SettingsOptions(command, withAddresses: true);

        command.SetAction(async (parse, ct) =>
        {
            var forced = new Dictionary<string, string?>();
            if (parse.GetValue(logFormat) is { } format)
                forced["Logging:Format"] = format;
            if (parse.GetValue(streamThreads) is { } threads)
                forced["Streams:NumStreamThreads"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (parse.GetValue(brokerControl) is not null)
                foreach (var (key, value) in Configuration.EmbeddedBrokerSettings.Forced)
                    forced[key] = value;
            var settings = settingsOptions.Load(parse, forced);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine(EffectiveSettings.Addresses(settings));
            using var loggers = LoggerFactory.Create(logging => PipelineLogging.Configure(logging, settings, quiet: parse.GetValue(liveView)));
            using var mapping = ConnectorMapping.Load(settings, loggers);
            return await PipelineRunner.RunAsync(
                new PipelineOptions(settings, Provisioner(parse.GetValue(brokerControl), settings), settings.Generator.Enabled, parse.GetValue(liveView), parse.GetValue(duration),
                    Mappers: mapping.Mappers, Formats: mapping.Formats, Outbound: mapping.Outbound),
                output, ct);
        });
        return command;
    }

    private static ITopicProvisioner Provisioner(string? brokerControl, Configuration.StreamFinanceSettings settings) =>
        brokerControl is null ? new KafkaAdminProvisioner(settings.Kafka) : new BrokerControlProvisioner(brokerControl);
}
