using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StreamFinance.Connectors.ErpSink;
using StreamFinance.Connectors.Offsets;
using StreamFinance.Connectors.Producing;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Host.Api.Http;
using StreamFinance.Host.Logging;
using StreamFinance.Host.Observability;
using StreamFinance.Host.Provisioning;
using StreamFinance.Kafka.Observability;
using StreamFinance.Topologies;
using StreamFinance.Kafka.Observability.Streamiz;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Kafka;

using StreamFinance.Topologies.Procurement;

namespace StreamFinance.Host.Runtime;

/// <summary>
/// Builds the host of <c>demo</c> and <c>run</c>: Kestrel serving <c>/metrics</c> and <c>/health</c>, one
/// <see cref="TopologyService"/> per topology, the validation API on its own listener when <c>Api:Enabled</c>, the
/// configured connectors (and the generator connector when asked), and the live view when asked, with the logging of
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
        // The business metrics of every topology and connector, registered once in the registry /metrics serves.
        var metrics = new BusinessMetrics(PrefixedMetricFactory.Default);
        var connectorMetrics = new ConnectorMetrics(metrics);

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
                masterData: settings.MasterData, expenses: settings.Expenses, posting: settings.Posting,
                supervision: settings.Supervision, stallSeconds: settings.Observability.StallSeconds, businessMetrics: metrics, procurement: settings.Procurement));
            builder.Services.AddTopologyReadiness(topology.Name, sp => TopologyServices(sp).Single(s => s.Topology == topology));
        }

        AddConnectors(builder, options, serDes, metrics.DeadLetters, connectorMetrics, new ErpSinkMetrics(metrics));
        if (options.LiveView)
            builder.Services.AddHostedService(sp => new LiveView(
                new TopicActivityMonitor(settings.Kafka, required.ToDictionary(r => r.Name, r => r.Partitions)),
                () => TopologyServices(sp).ToDictionary(t => t.Topology.Name, t => t.State),
                output,
                sp.GetRequiredService<ILogger<LiveView>>(),
                connectorStates: () => ConnectorServices(sp).ToDictionary(c => c.Connector.Name, c => ConnectorActivity.Describe(c.Connector, connectorMetrics)),
                journals: new JournalTail(settings.Kafka, serDes),
                procurement: topologies.Any(t => t is ProcurementTopology) ? new ProcurementTail(settings.Kafka, serDes) : null));

        var app = builder.Build();
        app.MapObservability();
        return app;
    }

    /// <summary>
    /// The connectors: every enabled <c>Connectors</c> entry, plus the generator when asked, each a <see cref="ConnectorService"/>
    /// with its readiness component <c>connector &lt;name&gt;</c>, sharing one producer, dead-letter publisher and offset store,
    /// counting into the host's <paramref name="deadLetterMetrics"/> and <paramref name="connectorMetrics"/>.
    /// </summary>
    private static void AddConnectors(
        WebApplicationBuilder builder, PipelineOptions options, SerDesFactory serDes, DeadLetterMetrics deadLetterMetrics, ConnectorMetrics connectorMetrics,
        ErpSinkMetrics erpSinkMetrics)
    {
        var settings = options.Settings;
        var enabled = settings.Connectors.Where(c => c.Value.Enabled).ToList();
        if (enabled.Count == 0 && !options.RunGenerator)
            return;
        builder.Services.AddSingleton<IRecordSink>(_ => new KafkaRecordSink(
            new CanonicalRecordProducer(settings.Kafka, serDes, "connectors", settings.Observability.KafkaStatisticsIntervalMs)));
        builder.Services.AddSingleton<IDeadLetterPublisher>(sp => new DeadLetterPublisher(
            settings.Kafka, serDes, sp.GetRequiredService<ILoggerFactory>().CreateLogger("StreamFinance.Connectors.DeadLetters"), "connector-dead-letters",
            metrics: deadLetterMetrics));
        builder.Services.AddSingleton<IConnectorOffsetStore>(_ => new KafkaConnectorOffsetStore(settings.Kafka, serDes));
        builder.Services.AddSingleton(sp => new ConnectorFactory(
            sp.GetRequiredService<IRecordSink>(), sp.GetRequiredService<IDeadLetterPublisher>(), sp.GetRequiredService<IConnectorOffsetStore>(),
            sp.GetRequiredService<ILoggerFactory>(), options.Mappers, options.Formats, connectorMetrics,
            new ErpSinkWiring(options.Outbound, settings.Kafka, serDes, erpSinkMetrics)));

        var declared = enabled.Select(c => (c.Key, Create: (Func<ConnectorFactory, IConnector>)(f => f.Create(c.Key, c.Value)))).ToList();
        if (options.RunGenerator && !settings.Connectors.ContainsKey("generator"))
            declared.Add(("generator", f => f.Generator(settings.Generator)));
        foreach (var (name, create) in declared)
        {
            builder.Services.AddSingleton<IHostedService>(sp => new ConnectorService(
                create(sp.GetRequiredService<ConnectorFactory>()), sp.GetRequiredService<ILogger<ConnectorService>>()));
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
                $"connector {name}", sp => new ConnectorHealthCheck(ConnectorServices(sp).Single(s => s.Connector.Name == name).Connector.Health),
                HealthStatus.Degraded, [ObservabilityEndpoints.ReadyTag]));
        }
    }

    /// <summary>The running connectors: the host's hosted services that are <see cref="ConnectorService"/>s.</summary>
    public static IEnumerable<ConnectorService> ConnectorServices(IServiceProvider services) =>
        services.GetServices<IHostedService>().OfType<ConnectorService>();

    /// <summary>The running topologies: the host's hosted services that are <see cref="TopologyService"/>s.</summary>
    public static IEnumerable<TopologyService> TopologyServices(IServiceProvider services) =>
        services.GetServices<IHostedService>().OfType<TopologyService>();
}
