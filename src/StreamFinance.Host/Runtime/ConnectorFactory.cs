using Microsoft.Extensions.Logging;
using StreamFinance.Connectors.ErpSink;
using StreamFinance.Connectors.FileDrop;
using StreamFinance.Connectors.Generator;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Mapping.Outbound;
using StreamFinance.Connectors.Offsets;
using StreamFinance.Connectors.Rest;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Connectors.Sensitive;
using StreamFinance.Connectors.Sources;
using StreamFinance.Connectors.Webhooks;
using StreamFinance.Host.Configuration;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Host.Runtime;

/// <summary>
/// Builds the configured connectors over the parts one process shares (sink, dead-letter publisher, offset store) and
/// the mapping seams: profiles from <see cref="IMapperSource"/>, formats from <see cref="ISourceFormatRegistry"/>. Every
/// connector counts into <paramref name="metrics"/> (the host's; default, a registry that nothing serves). ERP sinks
/// need <paramref name="erp"/>: their outbound profiles, their consumers' Kafka settings and serdes, their metrics.
/// </summary>
public sealed class ConnectorFactory(
    IRecordSink sink, IDeadLetterPublisher deadLetters, IConnectorOffsetStore offsets, ILoggerFactory loggers, IMapperSource? mappers, ISourceFormatRegistry? formats,
    ConnectorMetrics? metrics = null, ErpSinkWiring? erp = null)
{
    private readonly ConnectorMetrics metrics = metrics ?? ConnectorMetrics.Detached();

    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>The connector of <paramref name="name"/>.</summary>
    /// <exception cref="ConfigurationException">Its profile, format or topic cannot be resolved; the message says what to fix.</exception>
    public IConnector Create(string name, ConnectorOptions options)
    {
        var context = Context(name, options.DeadLetterSecret);
        return options.Kind switch
        {
            ConnectorKind.FileDrop => WithProfile(name, options, (m, f) => new FileDropConnector(context, options.FileDrop!, m, f)),
            ConnectorKind.RestPoll => WithProfile(name, options, (m, f) => new RestPollingConnector(context, options.Rest!, m, f, Http)),
            ConnectorKind.Webhook => WithProfile(name, options, (m, f) => new WebhookReceiver(context, options.Webhook!, m, f)),
            ConnectorKind.Generator => new GeneratorConnector(context, options.Generator ?? new GeneratorConnectorOptions()),
            ConnectorKind.ErpRest => ErpSink(name, options, context),
            _ => throw new ConfigurationException($"Connectors:{name}:Kind is missing."),
        };
    }

    /// <summary>The demo's generator, from the <c>Generator</c> section, as connector <c>generator</c>.</summary>
    public IConnector Generator(GeneratorOptions options) => new GeneratorConnector(Context("generator"), options.ToConnectorOptions());

    private ConnectorContext Context(string name, string? deadLetterSecret = null) =>
        new(name, sink, deadLetters, offsets, loggers.CreateLogger($"StreamFinance.Connectors.{name}"), metrics: metrics)
        {
            SensitiveDeadLetters = new SensitiveDeadLetters(deadLetterSecret is null ? null : SensitiveOriginalCipher.FromSecret(deadLetterSecret)),
        };

    private ErpSinkConnector ErpSink(string name, ConnectorOptions options, ConnectorContext context)
    {
        if (erp is null)
            throw new ConfigurationException($"Connectors:{name} is an ERP sink, but this command does not run ERP sinks.");
        var profile = ConnectorProfileResolver.ResolveOutbound(name, options, erp.Outbound);
        // Each record is sent with the profile's version in force, so an edited profile applies without a restart.
        return new ErpSinkConnector(context, options.ErpRest!, profile, () => erp.Outbound!.Current(profile.Name, profile), erp.Kafka, erp.SerDes, Http, erp.Metrics);
    }

    private IConnector WithProfile(string name, ConnectorOptions options, Func<IRecordMapper, ISourceFormat, IConnector> create)
    {
        var (mapper, format) = ConnectorProfileResolver.Resolve(name, options, mappers, formats);
        return create(mapper, format);
    }
}

/// <summary>What a <see cref="ConnectorFactory"/> needs to build ERP sinks.</summary>
/// <param name="Outbound">The outbound profiles; null when none are loaded (an ERP sink then fails its configuration check).</param>
/// <param name="Kafka">Connection of the sinks' consumers.</param>
/// <param name="SerDes">Reads the <c>erp.*</c> records.</param>
/// <param name="Metrics">The ERP sinks' series.</param>
public sealed record ErpSinkWiring(OutboundProfileCatalog? Outbound, KafkaOptions Kafka, SerDesFactory SerDes, ErpSinkMetrics Metrics);
