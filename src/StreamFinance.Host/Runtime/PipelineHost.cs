using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamFinance.Connectors.Generator;
using StreamFinance.Host.Api.Http;
using StreamFinance.Host.Logging;
using StreamFinance.Host.Observability;
using StreamFinance.Host.Provisioning;
using StreamFinance.Topologies;
using StreamFinance.Topologies.Observability.Streamiz;
using StreamFinance.Topologies.SerDes;

namespace StreamFinance.Host.Runtime;

/// <summary>
/// Builds the host of <c>demo</c> and <c>run</c>: Kestrel serving <c>/metrics</c> and <c>/health</c>, one
/// <see cref="TopologyService"/> per topology, the validation API on its own listener when <c>Api:Enabled</c>, and the
/// generator and live view when asked, with the logging of
/// <see cref="PipelineLogging"/>.
/// </summary>
public static class PipelineHost
{
    /// <summary>Builds (does not start) the host.</summary>
    public static WebApplication Build(
        PipelineOptions options, IReadOnlyList<IStreamTopology> topologies, SerDesFactory serDes, IReadOnlyList<TopicRequirement> required, TextWriter output)
    {
        var settings = options.Settings;
        // Empty: no configuration sources, providers or servers of its own; everything below is explicit.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Configuration.AddConfiguration(settings.Configuration);
        PipelineLogging.Configure(builder.Logging, settings, quiet: options.LiveView, options.ConfigureLogging);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.AddObservability(settings.Observability, settings.SchemaRegistry);
        builder.Services.AddSingleton(serDes);

        // First, so that it announces the address before any topology starts.
        builder.Services.AddHostedService(sp => new ObservabilityAnnouncer(
            sp.GetRequiredService<IServer>(), output, options.OnListening, sp.GetRequiredService<ILogger<ObservabilityAnnouncer>>()));

        // Before the topologies start, so that it answers 503 while they restore their stores.
        if (settings.Api.Enabled)
            builder.Services.AddValidationApi(settings, topologies, output);

        var reporting = new StreamizReporting(StreamizMetricsBridge.Default, settings.Observability.KafkaStatisticsIntervalMs);
        foreach (var topology in topologies)
        {
            builder.Services.AddSingleton<IHostedService>(sp => new TopologyService(
                topology, settings.Kafka, settings.Streams, settings.SchemaRegistry, serDes, sp.GetRequiredService<ILoggerFactory>(), reporting,
                masterData: settings.MasterData, expenses: settings.Expenses));
            builder.Services.AddTopologyReadiness(topology.Name, sp => TopologyServices(sp).Single(s => s.Topology == topology));
        }

        if (options.RunGenerator)
            builder.Services.AddHostedService(sp => new GeneratorService(
                new SampleDataGenerator(settings.Generator.Seed), settings.Kafka, serDes, settings.Generator.RecordsPerSecond,
                sp.GetRequiredService<ILogger<GeneratorService>>(), settings.Observability.KafkaStatisticsIntervalMs));
        if (options.LiveView)
            builder.Services.AddHostedService(sp => new LiveView(
                new TopicActivityMonitor(settings.Kafka, required.ToDictionary(r => r.Name, r => r.Partitions)),
                () => TopologyServices(sp).ToDictionary(t => t.Topology.Name, t => t.State),
                output,
                sp.GetRequiredService<ILogger<LiveView>>()));

        var app = builder.Build();
        app.MapObservability();
        return app;
    }

    /// <summary>The running topologies: the host's hosted services that are <see cref="TopologyService"/>s.</summary>
    public static IEnumerable<TopologyService> TopologyServices(IServiceProvider services) =>
        services.GetServices<IHostedService>().OfType<TopologyService>();
}
