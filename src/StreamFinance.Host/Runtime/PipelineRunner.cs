using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamFinance.Connectors.Generator;
using StreamFinance.Host.Cli;
using StreamFinance.Host.Provisioning;
using StreamFinance.Topologies;
using StreamFinance.Topologies.SerDes;

namespace StreamFinance.Host.Runtime;

/// <summary>
/// The body of <c>demo</c> and <c>run</c>: check the stack answers, create every topic, then run the topologies
/// (and the generator and live view when asked) until the duration ends or the process is stopped.
/// </summary>
public static class PipelineRunner
{
    /// <summary>Runs the pipeline; returns the process exit code.</summary>
    public static async Task<int> RunAsync(PipelineOptions options, TextWriter output, CancellationToken ct)
    {
        var settings = options.Settings;
        await DependencyProbe.CheckAsync(settings.Kafka, settings.SchemaRegistry, ct);

        var serDes = SerDesFactory.FromOptions(settings.SchemaRegistry);
        var topologies = TopologyCatalog.All;
        var required = RequiredTopics.For(settings.Streams, topologies, serDes);
        var outcomes = await options.Provisioner.ApplyAsync(required, ct);
        TopicReport.Write(output, options.Provisioner.Target, outcomes, TopicReport.Detail.Problems);
        if (outcomes.Any(o => o.Action == ProvisionAction.Failed || (o.Action == ProvisionAction.Mismatch && o.Detail.Contains("partitions", StringComparison.Ordinal))))
        {
            output.WriteLine("streamfinance: topics are missing or have the wrong partition count; fix them (see above) before starting.");
            return ExitCodes.Failed;
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Configuration = new Microsoft.Extensions.Configuration.ConfigurationManager(),
            DisableDefaults = true,
        });
        builder.Configuration.AddConfiguration(settings.Configuration);
        // The live view owns the console: only warnings and errors interrupt it.
        if (options.LiveView)
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        else
            builder.Logging.AddConfiguration(settings.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

        builder.Services.AddSingleton(serDes);
        var topologyServices = new List<TopologyService>();
        foreach (var topology in topologies)
            builder.Services.AddSingleton<IHostedService>(sp =>
            {
                var service = new TopologyService(topology, settings.Kafka, settings.Streams, settings.SchemaRegistry, serDes, sp.GetRequiredService<ILoggerFactory>());
                topologyServices.Add(service);
                return service;
            });
        if (options.RunGenerator)
            builder.Services.AddHostedService(sp => new GeneratorService(
                new SampleDataGenerator(settings.Generator.Seed), settings.Kafka, serDes, settings.Generator.RecordsPerSecond,
                sp.GetRequiredService<ILogger<GeneratorService>>()));
        LiveView? liveView = null;
        if (options.LiveView)
            builder.Services.AddHostedService(sp => liveView = new LiveView(
                new TopicActivityMonitor(settings.Kafka, required.ToDictionary(r => r.Name, r => r.Partitions)),
                () => topologyServices.ToDictionary(t => t.Topology.Name, t => t.State),
                output,
                sp.GetRequiredService<ILogger<LiveView>>()));

        using var host = builder.Build();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (options.Duration is { } duration)
            stop.CancelAfter(duration);
        await host.StartAsync(ct);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
        await host.StopAsync(CancellationToken.None);
        if (liveView is not null)
            output.WriteLine(liveView.Summary());
        return ExitCodes.Ok;
    }
}
