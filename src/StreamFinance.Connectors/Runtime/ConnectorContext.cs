using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StreamFinance.Connectors.Offsets;
using StreamFinance.Connectors.Sensitive;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.Connectors.Runtime;

/// <summary>What every connector of a process shares to ingest: its sink, the dead-letter publisher, the offset store, a clock, a logger and the metrics, plus its own health.</summary>
public sealed class ConnectorContext
{
    /// <summary>Context of connector <paramref name="name"/>.</summary>
    /// <param name="name">Connector name as configured; labels metrics, names offset keys and the dead letters' processor (<c>connector.&lt;name&gt;</c>).</param>
    /// <param name="sink">Where canonical records go.</param>
    /// <param name="deadLetters">Where records that cannot be produced go (<c>dlq.ingest</c>).</param>
    /// <param name="offsets">Where source positions are committed.</param>
    /// <param name="logger">Default: none.</param>
    /// <param name="clock">Default: the system clock.</param>
    /// <param name="metrics">The connectors' series: the host's, served on <c>/metrics</c>. Default: <see cref="ConnectorMetrics.Detached"/>.</param>
    public ConnectorContext(
        string name, IRecordSink sink, IDeadLetterPublisher deadLetters, IConnectorOffsetStore offsets, ILogger? logger = null, TimeProvider? clock = null,
        ConnectorMetrics? metrics = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Sink = sink ?? throw new ArgumentNullException(nameof(sink));
        DeadLetters = deadLetters ?? throw new ArgumentNullException(nameof(deadLetters));
        Offsets = offsets ?? throw new ArgumentNullException(nameof(offsets));
        Logger = logger ?? NullLogger.Instance;
        Clock = clock ?? TimeProvider.System;
        Metrics = metrics ?? ConnectorMetrics.Detached();
        Health = new ConnectorHealth(name, Clock, Metrics);
        DeadLetterFactory = new DeadLetterFactory(Clock);
        Audit = new AuditEventFactory(Processor, Clock);
    }

    /// <summary>Connector name.</summary>
    public string Name { get; }

    /// <summary>Where canonical records go.</summary>
    public IRecordSink Sink { get; }

    /// <summary>Where failed records go.</summary>
    public IDeadLetterPublisher DeadLetters { get; }

    /// <summary>Where positions are committed.</summary>
    public IConnectorOffsetStore Offsets { get; }

    /// <summary>The connector's logger.</summary>
    public ILogger Logger { get; }

    /// <summary>The clock of ingest times and commits.</summary>
    public TimeProvider Clock { get; }

    /// <summary>Where the connector's records, health, errors and retries are counted.</summary>
    public ConnectorMetrics Metrics { get; }

    /// <summary>The connector's health, shown in <c>/health/ready</c>.</summary>
    public ConnectorHealth Health { get; }

    /// <summary>Builds the connector's audit events (component <see cref="Processor"/>), written to <c>audit.emitted</c> through <see cref="Sink"/>.</summary>
    public AuditEventFactory Audit { get; }

    /// <summary>Builds the dead letters.</summary>
    public DeadLetterFactory DeadLetterFactory { get; }

    /// <summary>
    /// Masks the sensitive values of each dead letter before it is published, keeping the original sealed only when
    /// the connector has a <c>DeadLetterSecret</c>. Default: masking, no originals kept.
    /// </summary>
    public SensitiveDeadLetters SensitiveDeadLetters { get; init; } = new(null);

    /// <summary>The dead letters' processor name: <c>connector.&lt;name&gt;</c>.</summary>
    public string Processor => $"connector.{Name}";
}
