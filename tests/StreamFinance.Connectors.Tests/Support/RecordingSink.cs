using System.Collections.Concurrent;
using Avro.Specific;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Tests.Support;

/// <summary>
/// A sink double that remembers every record sent to it and answers as told: acknowledge at once (default), withhold
/// the answer for chosen records (a broker that never acknowledged them before a crash), or refuse them. Audit events
/// (to <c>audit.emitted</c>) are kept apart in <see cref="Audited"/> and acknowledged at once unless <see cref="RefuseAudits"/>.
/// </summary>
public sealed class RecordingSink : IRecordSink
{
    private readonly ConcurrentQueue<Action> withheld = new();

    /// <summary>Every canonical record sent, in order.</summary>
    public ConcurrentQueue<Sent> Sent { get; } = new();

    /// <summary>Every audit event sent, in order.</summary>
    public ConcurrentQueue<AuditEvent> Audited { get; } = new();

    /// <summary>Whether audit events are refused (a broker that does not store them). Default false.</summary>
    public bool RefuseAudits { get; init; }

    /// <summary>Records whose answer is withheld (never given, unless <see cref="ReleaseWithheld"/>). Argument: the send's 1-based number.</summary>
    public Func<int, bool> Withhold { get; init; } = _ => false;

    /// <summary>Records refused with an error. Argument: the record's key.</summary>
    public Func<string, bool> Refuse { get; init; } = _ => false;

    /// <summary>Records that do not fit their topic: the message of the <see cref="ArgumentException"/> thrown for them, as a serializer would; null for none. Argument: the record's key.</summary>
    public Func<string, string?> Unserializable { get; init; } = _ => null;

    private int count;

    public void Produce(TopicSpec topic, MappedRecord record, Action<DeliveryOutcome> onDelivery)
    {
        if (record.Value is AuditEvent audit)
        {
            Audited.Enqueue(audit);
            onDelivery(RefuseAudits ? new DeliveryOutcome("Local: Message timed out") : DeliveryOutcome.Acknowledged);
            return;
        }
        if (Unserializable(record.Key) is { } problem)
            throw new ArgumentException(problem);
        var number = Interlocked.Increment(ref count);
        Sent.Enqueue(new Sent(topic.Name, record.Key, IdempotencyKey(record.Value)));
        if (Withhold(number))
            withheld.Enqueue(() => onDelivery(DeliveryOutcome.Acknowledged));
        else if (Refuse(record.Key))
            onDelivery(new DeliveryOutcome("MsgSizeTooLarge: Broker: Message size too large"));
        else
            onDelivery(DeliveryOutcome.Acknowledged);
    }

    /// <summary>How many answers are withheld now.</summary>
    public int WithheldCount => withheld.Count;

    /// <summary>Gives the withheld answers now.</summary>
    public void ReleaseWithheld()
    {
        while (withheld.TryDequeue(out var answer))
            answer();
    }

    public int Flush(TimeSpan timeout) => withheld.Count;

    public void Dispose()
    {
    }

    private static string? IdempotencyKey(ISpecificRecord value) => (value.GetType().GetProperty("envelope")?.GetValue(value) as Envelope)?.idempotencyKey;
}

/// <summary>One record a <see cref="RecordingSink"/> was sent.</summary>
public sealed record Sent(string Topic, string Key, string? IdempotencyKey);
