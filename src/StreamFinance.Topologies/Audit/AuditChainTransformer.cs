using System.Globalization;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Audit;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.State;

namespace StreamFinance.Topologies.Audit;

/// <summary>
/// The chaining step, one instance per task (one partition of <c>audit.emitted</c>): for each event, closes the
/// partition's open day with a chain head when the event belongs to a later day, then chains the event after its
/// correlation id's last one (<see cref="AuditChain.Append"/>) or drops it as a repeat. A wall-clock punctuator closes
/// an open day once the day is over, so a quiet partition still gets its head. The time an event is chained is the
/// Kafka timestamp of its record in <c>audit.emitted</c>, never the clock, so an event chained again after a crash is
/// chained byte for byte the same.
/// </summary>
public sealed class AuditChainTransformer : ITransformer<string, AuditEvent, string, AuditEvent>
{
    /// <summary>How often open days are checked against the wall clock: one minute.</summary>
    public static readonly TimeSpan DayCheckInterval = TimeSpan.FromMinutes(1);

    private readonly TimeProvider clock;
    private ProcessorContext<string, AuditEvent>? context;
    private IKeyValueStore<string, string>? links;
    private IKeyValueStore<string, string>? heads;

    /// <summary>Streamiz's <c>Transformer&lt;T&gt;()</c> requires a parameterless constructor: the system clock.</summary>
    public AuditChainTransformer()
        : this(TimeProvider.System)
    {
    }

    /// <summary>The transformer Streamiz creates per task; <paramref name="clock"/> says when a day is over.</summary>
    public AuditChainTransformer(TimeProvider clock) => this.clock = clock;

    /// <inheritdoc />
    public void Init(ProcessorContext<string, AuditEvent> context)
    {
        this.context = context;
        links = (IKeyValueStore<string, string>)context.GetStateStore(AuditNames.LinkStore);
        heads = (IKeyValueStore<string, string>)context.GetStateStore(AuditNames.HeadStore);
        context.Schedule(DayCheckInterval, PunctuationType.PROCESSING_TIME, _ => CloseFinishedDays());
    }

    /// <inheritdoc />
    public Record<string, AuditEvent>? Process(Record<string, AuditEvent> record)
    {
        if (heads is null)
            throw new InvalidOperationException($"{nameof(AuditChainTransformer)} processed a record before Init.");
        var partition = record.TopicPartitionOffset?.Partition.Value
            ?? throw new InvalidOperationException("An audit event reached the chainer without its partition; only audit.emitted feeds the chainer.");
        var chainedAt = DateTimeOffset.FromUnixTimeMilliseconds(record.Timestamp.UnixTimestampMs).UtcDateTime;
        var state = HeadOf(partition);
        // A day is never reopened: an event stamped before the open day counts in the open day.
        var day = Max(DateOnly.FromDateTime(chainedAt), state.Day);
        if (state.ClosesBefore(day))
            state = Close(partition, state, day);

        var chained = Chain(record.Value, chainedAt);
        if (chained is null)
            return null;
        heads.Put(Key(partition), state.After(chained, day).ToString());
        return Record<string, AuditEvent>.Create(chained.correlationId, chained, record.Headers);
    }

    /// <inheritdoc />
    public void Close()
    {
    }

    /// <summary>Chains <paramref name="emitted"/> after its correlation id's last event; null for a repeat.</summary>
    private AuditEvent? Chain(AuditEvent emitted, DateTime chainedAt)
    {
        var last = links!.Get(emitted.correlationId) is { } text ? AuditChainLink.Parse(text) : AuditChainLink.Start;
        if (AuditChain.Append(last, emitted, chainedAt) is not { } appended)
            return null;
        links.Put(emitted.correlationId, appended.Next.ToString());
        return appended.Chained;
    }

    /// <summary>Writes the chain head that closes <paramref name="state"/>'s day in <paramref name="partition"/>; the state of <paramref name="next"/>.</summary>
    private AuditPartitionHead Close(int partition, AuditPartitionHead state, DateOnly next)
    {
        var head = state.HeadEvent(partition);
        var closed = state.Closed(next);
        heads!.Put(Key(partition), closed.ToString());
        if (Chain(head, head.occurredAt) is { } chained)
            context!.Forward(chained.correlationId, chained);
        return closed;
    }

    private void CloseFinishedDays()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var open = heads!.All().Where(h => h.Value is not null).Select(h => (Partition: int.Parse(h.Key, CultureInfo.InvariantCulture), State: AuditPartitionHead.Parse(h.Value))).ToList();
        foreach (var (partition, state) in open)
            if (state.ClosesBefore(today))
                Close(partition, state, today);
    }

    private AuditPartitionHead HeadOf(int partition) =>
        heads!.Get(Key(partition)) is { } text ? AuditPartitionHead.Parse(text) : AuditPartitionHead.Empty;

    private static string Key(int partition) => partition.ToString(CultureInfo.InvariantCulture);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
