using System.CommandLine;
using StreamFinance.Embedded.Broker;
using StreamFinance.Embedded.SchemaRegistry;
using StreamFinance.Host.Provisioning;
using StreamFinance.Host.Runtime;
using StreamFinance.Topologies;

namespace StreamFinance.Host.Cli;

/// <summary>
/// <c>streamfinance broker</c>: the embedded broker in its own process, so that a pipeline process can be killed and
/// restarted against the same broker. The mock API works only inside the process that hosts the cluster, so the
/// broker creates every catalog topic something writes (not the planned ones) and every topology's internal topics
/// itself when it starts.
/// </summary>
public static class BrokerCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("broker", "Run the embedded Kafka broker (librdkafka mock cluster) until stopped, with every StreamFinance topic created except the planned ones (nothing writes them yet).");
        var brokers = new Option<int>("--brokers") { Description = "Number of brokers: 1 or 3.", DefaultValueFactory = _ => 1 };
        brokers.AcceptOnlyFromAmong("1", "3");
        var port = new Option<int?>("--port") { Description = "Listener port of the first broker (default: a free port)." };
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is { } p && p is < 1 or > 65535)
                r.AddError($"--port {p} is not a TCP port (1-65535).");
        });
        var controlPort = new Option<int>("--control-port")
        {
            Description = "Port of the HTTP control channel on 127.0.0.1 through which other processes create topics (topics apply --broker-control URL) and take brokers down or up. Default: a free port.",
            DefaultValueFactory = _ => 0,
        };
        command.Options.Add(brokers);
        command.Options.Add(port);
        var registryPort = new Option<int?>("--registry-port")
        {
            Description = "Also host the embedded Schema Registry in this process, on this port (0 = a free port), so that `run` can be pointed at both. With SchemaRegistry:BasicAuthUserInfo set (or its File), it asks every request for those credentials, as a secured registry does.",
        };
        command.Options.Add(controlPort);
        command.Options.Add(registryPort);
        var settingsOptions = new SettingsOptions(command, withAddresses: false);

        command.SetAction(async (parse, ct) =>
        {
            var settings = settingsOptions.Load(parse);
            BrokerPreflight.For(parse.GetValue(brokers), parse.GetValue(port), parse.GetValue(controlPort), parse.GetValue(registryPort)).ThrowIfAnyProblem();
            using var cluster = EmbeddedKafkaCluster.Start(parse.GetValue(brokers), parse.GetValue(port));
            var serDes = new Kafka.SerDes.SerDesFactory(new Embedded.SchemaRegistry.InMemorySchemaRegistryClient());
            var required = RequiredTopics.For(settings.Streams, TopologyCatalog.All, serDes, audit: settings.Audit);
            var outcomes = await new EmbeddedClusterProvisioner(cluster).ApplyAsync(required, ct);
            var output = parse.InvocationConfiguration.Output;
            TopicReport.Write(output, "embedded broker", outcomes, TopicReport.Detail.Problems);
            await using var control = await BrokerControlServer.StartAsync(cluster, parse.GetValue(controlPort), ct);
            output.WriteLine($"bootstrap.servers={cluster.BootstrapServers}");
            output.WriteLine($"control={control.Url}");
            await using var registry = parse.GetValue(registryPort) is { } rp ? await EmbeddedSchemaRegistry.StartAsync(rp, ct: ct, requiredUserInfo: settings.SchemaRegistry.BasicAuthUserInfo) : null;
            if (registry is not null)
                output.WriteLine($"schema.registry.url={registry.Url}");
            output.WriteLine("Running until Ctrl+C.");
            output.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
