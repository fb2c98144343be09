using StreamFinance.Domain.Journals;
using System.CommandLine;
using Microsoft.Extensions.Logging;
using StreamFinance.Embedded.Broker;
using StreamFinance.Embedded.Erp;
using StreamFinance.Embedded.SchemaRegistry;
using StreamFinance.Host.Configuration;
using StreamFinance.Host.Logging;
using StreamFinance.Host.Provisioning;
using StreamFinance.Host.Runtime;

namespace StreamFinance.Host.Cli;

/// <summary>
/// <c>streamfinance demo</c>: the whole product on one machine with nothing installed. Starts the embedded broker and
/// Schema Registry in process, creates every topic, runs the sample-data generator, a file-drop connector per shipped
/// mapping profile fed with that vendor's sample files (<see cref="DemoSources"/>), every topology, and an ERP sink
/// posting the journals to a fake ERP in process, and shows records per topic and per connector, and each journal with
/// its ERP document number, until Ctrl+C or <c>--duration</c>.
/// </summary>
public static class DemoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("demo", "Run StreamFinance on an embedded Kafka broker and Schema Registry with generated sample data.");
        var duration = CommonOptions.Duration();
        var brokers = new Option<int>("--brokers") { Description = "Embedded brokers: 1 or 3.", DefaultValueFactory = _ => 1 };
        brokers.AcceptOnlyFromAmong("1", "3");
        var rate = new Option<int?>("--rate") { Description = "Generated transaction records per second (default from Generator:RecordsPerSecond, 50)." };
        var seed = new Option<int?>("--seed") { Description = "Seed of the generator, for repeatable data (default 42)." };
        var logFormat = CommonOptions.LogFormat();
        command.Options.Add(duration);
        command.Options.Add(brokers);
        command.Options.Add(rate);
        command.Options.Add(seed);
        command.Options.Add(logFormat);
        var settingsOptions = new SettingsOptions(command, withAddresses: false);

        command.SetAction(async (parse, ct) =>
        {
            // Validate what the user gave before anything starts.
            settingsOptions.Load(parse);
            var workDir = Path.Combine(Path.GetTempPath(), $"streamfinance-demo-{Guid.NewGuid():N}");
            using var cluster = EmbeddedKafkaCluster.Start(parse.GetValue(brokers));
            await using var registry = await EmbeddedSchemaRegistry.StartAsync(0, ct: ct);
            var forced = new Dictionary<string, string?>
            {
                ["Kafka:BootstrapServers"] = cluster.BootstrapServers,
                ["Kafka:SecurityProtocol"] = "Plaintext",
                ["SchemaRegistry:Url"] = registry.Url,
                ["SchemaRegistry:BasicAuthUserInfo"] = null,
                // A fresh broker needs fresh state: never reuse RocksDB state from an earlier demo.
                ["Streams:StateDir"] = Path.Combine(workDir, "state"),
                ["Generator:Enabled"] = "true",
                // The mock broker does not honour read_committed, so aborted transactions would show in the counts;
                // at-least-once with deterministic ids is what the embedded broker can prove (ENVIRONMENT.md).
                ["Streams:ProcessingGuarantee"] = "AT_LEAST_ONCE",
            };
            foreach (var (key, value) in EmbeddedBrokerSettings.Forced)
                forced[key] = value;
            if (parse.GetValue(rate) is { } r) forced["Generator:RecordsPerSecond"] = r.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (parse.GetValue(seed) is { } s) forced["Generator:Seed"] = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (parse.GetValue(logFormat) is { } format) forced["Logging:Format"] = format;
            var settings = settingsOptions.Load(parse, forced);
            // A demo lasts seconds, so unless the user chose a window, journals close every 15 s (2 s grace), not hourly.
            var demoWindows = settings.Posting.WindowSize == PostingOptions.Default().WindowSize;
            if (demoWindows)
            {
                forced["Posting:WindowSize"] = "00:00:15";
                forced["Posting:GracePeriod"] = "00:00:02";
                forced["Posting:CloseCheckInterval"] = "00:00:01";
                settings = settingsOptions.Load(parse, forced);
            }
            using var loggers = LoggerFactory.Create(logging => PipelineLogging.Configure(logging, settings, quiet: true));
            using var mapping = ConnectorMapping.Load(settings, loggers);
            foreach (var (key, value) in DemoSources.Connectors(mapping.ProfileNames, workDir))
                forced[key] = value;
            // A fake ERP in process, so the journals come back with ERP document numbers (erp.posting-confirmations).
            await using var erp = await FakeErp.StartAsync(ct: ct);
            if (mapping.Outbound?.Profiles.ContainsKey(DemoSources.ErpSinkProfile) == true)
                foreach (var (key, value) in DemoSources.ErpSink(erp.Url))
                    forced[key] = value;
            settings = settingsOptions.Load(parse, forced);

            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"Embedded Kafka ({cluster.BrokerCount} broker(s)) at {cluster.BootstrapServers}, Schema Registry at {registry.Url}");
            if (demoWindows)
                output.WriteLine("Posting windows of 15 s with 2 s grace for the demo (set Posting:WindowSize to choose another).");
            if (settings.Connectors.ContainsKey("erp-journals"))
                output.WriteLine($"Fake ERP (NetSuite REST shape) at {erp.Url}: sink erp-journals posts every journal there; the document numbers come back on erp.posting-confirmations.");
            try
            {
                var samples = DemoSources.CopySamples(mapping.ProfileNames, workDir);
                output.WriteLine($"{mapping.ProfileNames.Count} mapping profiles from {mapping.Directory}; {samples} vendor sample files dropped into inboxes under {Path.Combine(workDir, "inbox")}");
                return await PipelineRunner.RunAsync(
                    new PipelineOptions(settings, new EmbeddedClusterProvisioner(cluster), RunGenerator: true, LiveView: true, parse.GetValue(duration),
                        Mappers: mapping.Mappers, Formats: mapping.Formats, Outbound: mapping.Outbound),
                    output, ct);
            }
            finally
            {
                TryDelete(workDir);
            }
        });
        return command;
    }

    private static void TryDelete(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
