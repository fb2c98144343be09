using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.Journals;
using StreamFinance.Domain.Expenses;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Observability;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.Procurement;

namespace StreamFinance.Kafka;

/// <summary>What a topology needs from its surroundings while it is built: SerDes, the clock, dead-letter routing, metrics and loggers; policies as they come.</summary>
/// <param name="serDes">The shared SerDes factory.</param>
/// <param name="clock">
/// The topology's time: approval and ingest times, "today" of periods and horizons, posting windows closed on the wall
/// clock, dead letters' failure times. Default <see cref="TimeProvider.System"/>; the host passes its own, tests a
/// <c>FakeTimeProvider</c>. Streamiz still decides when a processing-time punctuator runs, on its own wall clock;
/// what the punctuator does reads this clock.
/// </param>
/// <param name="metrics">The topology's metrics; default <see cref="TopologyMetrics.Detached"/> (recorded nowhere that is served).</param>
/// <param name="loggerFactory">Loggers for the topology's processors; default none (<see cref="NullLoggerFactory"/>).</param>
/// <param name="businessMetrics">Where the topology defines its business metrics; default <see cref="BusinessMetrics.Detached"/> (recorded nowhere that is served).</param>
public sealed class TopologyContext(
    SerDesFactory serDes, TimeProvider? clock = null, TopologyMetrics? metrics = null, ILoggerFactory? loggerFactory = null, BusinessMetrics? businessMetrics = null)
{
    /// <summary>The shared SerDes factory.</summary>
    public SerDesFactory SerDes { get; } = serDes;

    /// <summary>The topology's clock. Default <see cref="TimeProvider.System"/>; tests pass a <c>FakeTimeProvider</c>.</summary>
    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    /// <summary>
    /// Policies of the master-data topology (system of record, survivorship, duplicate thresholds, history retention,
    /// FX fallback). Default <see cref="MasterDataOptions.Default"/>; the host sets the validated <c>MasterData</c> section.
    /// </summary>
    public MasterDataOptions MasterData { get; init; } = MasterDataOptions.Default();

    /// <summary>
    /// Policies of the posting topology (window size and grace, closing, posted-id retention, balance-sheet accounts).
    /// Default <see cref="PostingOptions.Default"/>; the host sets the validated <c>Posting</c> section.
    /// </summary>
    public PostingOptions Posting { get; init; } = PostingOptions.Default();

    /// <summary>
    /// The expense policy of the expense topology (GL accounts, limits, receipts, default tax codes, closed periods,
    /// rounding, horizons). Default <see cref="ExpenseOptions.Default"/>; the host sets the validated <c>Expenses</c> section.
    /// </summary>
    public ExpenseOptions Expenses { get; init; } = ExpenseOptions.Default();

    /// <summary>
    /// Settings of the procurement topology (how often held orders are looked at again after master data changed).
    /// Default <see cref="ProcurementOptions.Default"/>; the host sets the validated <c>Procurement</c> section.
    /// </summary>
    public ProcurementOptions Procurement { get; init; } = ProcurementOptions.Default();

    /// <summary>
    /// The restorations of the stream the topology runs in, which processors with wall-clock punctuators wait for
    /// (<see cref="State.TaskRestoration"/>). The host passes the one its <c>KafkaStream</c>'s restore-end events feed;
    /// default null: nothing is restored under the processors (a test driver).
    /// </summary>
    public State.StoreRestorations? Restorations { get; init; }

    /// <summary>Builds dead letters on <see cref="Clock"/>.</summary>
    public DeadLetterFactory DeadLetters => new(Clock);

    /// <summary>
    /// The route of <paramref name="topology"/>'s in-topology dead letters (<see cref="DeadLetterRouting.RouteFailures{TIn,TOut}"/>,
    /// <see cref="TombstoneRouting"/>, <see cref="DeadLetterSink"/>) to its <see cref="IStreamTopology.DeadLetterTopic"/>,
    /// each recorded in the audit trail as a decision of the topology.
    /// </summary>
    public DeadLetterRoute DeadLettersTo(IStreamTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        return new(topology.DeadLetterTopic, SerDes.Avro<DeadLetter>(), DeadLetters, BusinessMetrics.DeadLetters, AuditFor(topology));
    }

    /// <summary>
    /// Where <paramref name="topology"/> records its decisions (<see cref="AuditTrail"/>): <c>audit.emitted</c>, as
    /// component <see cref="IStreamTopology.Name"/>, at the times of <see cref="Clock"/>.
    /// </summary>
    public AuditRoute AuditFor(IStreamTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        return new(Topics.AuditEmitted, SerDes.Avro<AuditEvent>(), new AuditEventFactory(topology.Name, Clock), Metrics);
    }

    /// <summary>The topology's records-consumed, records-produced and latency metrics (see <see cref="StreamMetricsExtensions"/>).</summary>
    public TopologyMetrics Metrics { get; } = metrics ?? TopologyMetrics.Detached();

    /// <summary>
    /// The registry of the topology's business metrics (its own, the dead letters' and the holds'). The host passes the
    /// one it serves, shared by every topology and connector of the process.
    /// </summary>
    public BusinessMetrics BusinessMetrics { get; } = businessMetrics ?? BusinessMetrics.Detached();

    /// <summary>
    /// Loggers for the topology's processors. Wrap every log line about a record in
    /// <see cref="RecordLogScope.BeginRecordScope(ILogger, string?, Streamiz.Kafka.Net.Processors.IRecordContext)"/>.
    /// </summary>
    public ILoggerFactory LoggerFactory { get; } = loggerFactory ?? NullLoggerFactory.Instance;
}
