using Microsoft.Extensions.Logging;
using StreamFinance.Connectors.FileDrop;
using StreamFinance.Connectors.Generator;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Offsets;
using StreamFinance.Connectors.Rest;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Connectors.Sensitive;
using StreamFinance.Connectors.Sources;
using StreamFinance.Connectors.Webhooks;
using StreamFinance.Host.Configuration;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.Host.Runtime;

/// <summary>
/// Builds the configured connectors over the parts one process shares (sink, dead-letter publisher, offset store) and
/// the mapping seams: profiles from <see cref="IMapperSource"/>, formats from <see cref="ISourceFormatRegistry"/>. Every
/// connector counts into <paramref name="metrics"/> (the host's; default, a registry that nothing serves).
/// </summary>
public sealed class ConnectorFactory(
    IRecordSink sink, IDeadLetterPublisher deadLetters, IConnectorOffsetStore offsets, ILoggerFactory loggers, IMapperSource? mappers, ISourceFormatRegistry? formats,
    ConnectorMetrics? metrics = null)
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

    private IConnector WithProfile(string name, ConnectorOptions options, Func<IRecordMapper, ISourceFormat, IConnector> create)
    {
        var (mapper, format) = ConnectorProfileResolver.Resolve(name, options, mappers, formats);
        return create(mapper, format);
    }
}
