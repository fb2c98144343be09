using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StreamFinance.Topologies.Observability;
using StreamFinance.Topologies.SerDes;

namespace StreamFinance.Topologies;

/// <summary>What a topology needs from its surroundings while it is built: SerDes, its metrics and loggers today, policies and dead-letter routing as they come.</summary>
/// <param name="serDes">The shared SerDes factory.</param>
/// <param name="metrics">The topology's metrics; default <see cref="TopologyMetrics.Detached"/> (recorded nowhere that is served).</param>
/// <param name="loggerFactory">Loggers for the topology's processors; default none (<see cref="NullLoggerFactory"/>).</param>
public sealed class TopologyContext(SerDesFactory serDes, TopologyMetrics? metrics = null, ILoggerFactory? loggerFactory = null)
{
    /// <summary>The shared SerDes factory.</summary>
    public SerDesFactory SerDes { get; } = serDes;

    /// <summary>The topology's records-consumed, records-produced and latency metrics (see <see cref="StreamMetricsExtensions"/>).</summary>
    public TopologyMetrics Metrics { get; } = metrics ?? TopologyMetrics.Detached();

    /// <summary>
    /// Loggers for the topology's processors. Wrap every log line about a record in
    /// <see cref="RecordLogScope.BeginRecordScope(ILogger, string?, Streamiz.Kafka.Net.Processors.IRecordContext)"/>.
    /// </summary>
    public ILoggerFactory LoggerFactory { get; } = loggerFactory ?? NullLoggerFactory.Instance;
}
